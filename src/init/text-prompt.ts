// The text question of the questionnaire: @inquirer's input prompt with what a long form needs.
// Esc, or `<` alone then Enter, goes back one question; an answer is bounded in length (a paste
// beyond it is cut, not re-rendered character by character); a check may refuse the answer or
// warn about it, and a warned answer is kept by pressing Enter again.
import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useState } from '@inquirer/core';

/** `true`, a reason to refuse the answer, or a warning the user may accept with a second Enter. */
export type Verdict = true | string | { warn: string };

export interface TextConfig {
  message: string;
  default?: string;
  /** Longest answer accepted, in characters. */
  maxLength: number;
  /** Shown when a paste or typing goes beyond `maxLength`. */
  tooLong: string;
  /** Shown under a warned answer: how to keep it. */
  keepHint: string;
  /** Shown under the question when it is first asked (an answer refused on replay). */
  initialError?: string;
  validate?: (value: string) => Verdict | Promise<Verdict>;
}

/** What the prompt returns: the answer, or that the user asked to go back. */
export type TextResult = { back: true } | { back: false; value: string };

export const textPrompt = createPrompt<TextResult, TextConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'loading' | 'done'>('idle');
  const [defaultValue, setDefaultValue] = useState<string | undefined>(config.default);
  const [error, setError] = useState<string | undefined>(config.initialError);
  const [warned, setWarned] = useState<string | undefined>(undefined);
  const [value, setValue] = useState('');
  const [wentBack, setWentBack] = useState(false);
  const prefix = usePrefix({ status, theme });

  useKeypress(async (key, rl) => {
    if (status !== 'idle') return;
    if (key.name === 'escape') {
      setWentBack(true);
      setStatus('done');
      done({ back: true });
      return;
    }
    if (isEnterKey(key)) {
      const answer = value || defaultValue || '';
      if (answer.trim() === '<') {
        setWentBack(true);
        setStatus('done');
        done({ back: true });
        return;
      }
      setStatus('loading');
      const verdict = config.validate ? await config.validate(answer) : true;
      if (verdict === true || (typeof verdict === 'object' && warned === answer)) {
        setValue(answer);
        setStatus('done');
        done({ back: false, value: answer });
        return;
      }
      // Put the line back: readline cleared it on Enter.
      rl.write(value);
      if (typeof verdict === 'object') {
        setWarned(answer);
        setError(`${verdict.warn}\n${config.keepHint}`);
      } else {
        setWarned(undefined);
        setError(verdict);
      }
      setStatus('idle');
      return;
    }
    if (isBackspaceKey(key) && !value) {
      setDefaultValue(undefined);
      return;
    }
    if (isTabKey(key) && !value && defaultValue) {
      rl.clearLine(0);
      rl.write(defaultValue);
      setValue(defaultValue);
      setDefaultValue(undefined);
      return;
    }
    let line = rl.line;
    if (line.length > config.maxLength) {
      // Cut at once: the rest of a paste would otherwise be drawn again with every character.
      line = line.slice(0, config.maxLength);
      rl.line = line;
      (rl as unknown as { cursor: number }).cursor = line.length;
      setError(config.tooLong);
    } else if (line !== value) {
      setError(undefined);
      setWarned(undefined);
    }
    setValue(line);
  });

  const message = theme.style.message(config.message, status);
  // Left for the question before: marked so, not as answered.
  if (wentBack) return `← ${message}`;
  const shownValue = status === 'done' ? theme.style.answer(value) : value;
  const defaultStr = defaultValue && status !== 'done' && !value ? theme.style.defaultAnswer(defaultValue) : undefined;
  const bottom = error && status !== 'done' ? theme.style.error(error) : '';
  return [[prefix, message, defaultStr, shownValue].filter((v) => v !== undefined && v !== '').join(' '), bottom];
});
