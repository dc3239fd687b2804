// Commands that live in their own modules: registered when present.
import type { Command } from 'commander';

export async function extraCommands(_setExitCode: (code: number) => void): Promise<Command[]> {
  return [];
}
