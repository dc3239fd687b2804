// The manifest's own problems: they make a filing `invalid` (exit 2) before any other check runs.
import type { RuleMeta } from './types.js';

const SOURCE = 'icp-check README: the manifest (version 1)';

export const manifestRules: RuleMeta[] = [
  {
    id: 'manifest/unreadable',
    source: SOURCE,
    title: { en: 'The manifest can be read', zh: '备案资料文件可读取' },
    explain: {
      en: 'icp-check reads the manifest file given on the command line. It must be a regular file that exists and can be read.',
      zh: 'icp-check 读取命令行给出的备案资料文件，它必须是存在且可读的普通文件。',
    },
    messages: {
      fail: {
        message: { en: 'The manifest cannot be read: {reason}.', zh: '无法读取备案资料文件：{reason}。' },
        fix: { en: 'Check the path and the file permissions.', zh: '请检查路径和文件权限。' },
      },
    },
  },
  {
    id: 'manifest/too-large',
    source: SOURCE,
    title: { en: 'The manifest is at most 1 MiB', zh: '备案资料文件不超过 1 MiB' },
    explain: {
      en: 'A filing manifest is a few kilobytes. A file over 1 MiB is refused rather than parsed, so that a wrong file cannot exhaust memory.',
      zh: '备案资料文件通常只有几 KB。超过 1 MiB 的文件不会被解析，以免错误的文件耗尽内存。',
    },
    messages: {
      fail: {
        message: { en: 'The manifest is {size} {size|byte|bytes}; the limit is {limit} {limit|byte|bytes}.', zh: '备案资料文件有 {size} 字节，上限为 {limit} 字节。' },
        fix: { en: 'Check that this is the right file; split a very large filing.', zh: '请确认文件是否正确。' },
      },
    },
  },
  {
    id: 'manifest/not-utf8',
    source: SOURCE,
    title: { en: 'The manifest is UTF-8 text', zh: '备案资料文件为 UTF-8 文本' },
    explain: {
      en: 'Manifests are read as UTF-8. A file saved in GBK or GB2312 would turn Chinese names into garbage, so it is refused.',
      zh: '备案资料文件按 UTF-8 读取。以 GBK 或 GB2312 保存的文件会把中文名称变成乱码，因此不予接受。',
    },
    messages: {
      fail: {
        message: { en: 'The manifest is not valid UTF-8 (perhaps GBK).', zh: '备案资料文件不是有效的 UTF-8 编码（可能是 GBK）。' },
        fix: {
          en: 'Save the file as UTF-8, e.g. `iconv -f GBK -t UTF-8 manifest.yaml > manifest.utf8.yaml`.',
          zh: '请将文件另存为 UTF-8，例如 `iconv -f GBK -t UTF-8 manifest.yaml > manifest.utf8.yaml`。',
        },
      },
    },
  },
  {
    id: 'manifest/yaml-syntax',
    source: SOURCE,
    title: { en: 'The manifest is valid YAML', zh: '备案资料文件是有效的 YAML' },
    explain: {
      en: 'The manifest must parse as YAML 1.2: consistent indentation with spaces (no tabs), unique keys.',
      zh: '备案资料文件必须是有效的 YAML 1.2：使用空格缩进（不能用制表符），键不能重复。',
    },
    messages: {
      fail: {
        message: { en: 'YAML error: {detail}', zh: 'YAML 错误：{detail}' },
        fix: { en: 'Correct the YAML at this line and column.', zh: '请修改该行该列处的 YAML。' },
      },
    },
  },
  {
    id: 'manifest/aliases',
    source: SOURCE,
    title: { en: 'YAML aliases stay within safe limits', zh: 'YAML 别名数量在安全范围内' },
    explain: {
      en: "YAML aliases (*name) are expanded only a limited number of times (100), the YAML library's guard against alias bombs.",
      zh: 'YAML 别名（`*name`）最多展开有限次数（100 次），这是 YAML 库防止别名炸弹的保护。',
    },
    messages: {
      fail: {
        message: { en: 'Too many YAML alias expansions (limit {limit}): {detail}', zh: 'YAML 别名展开次数过多（上限 {limit}）：{detail}' },
        fix: { en: 'Write the values out instead of using aliases.', zh: '请直接写出取值，不要使用别名。' },
      },
    },
  },
  {
    id: 'manifest/empty',
    source: SOURCE,
    title: { en: 'The manifest is not empty', zh: '备案资料文件不为空' },
    explain: { en: 'An empty file (or one with only comments) holds no filing.', zh: '空文件（或只有注释）不包含任何备案信息。' },
    messages: {
      fail: {
        message: { en: 'The manifest is empty.', zh: '备案资料文件为空。' },
        fix: { en: 'Run `icp-check init` to write a manifest with a questionnaire.', zh: '运行 `icp-check init`，通过问答生成备案资料文件。' },
      },
    },
  },
  {
    id: 'manifest/not-a-mapping',
    source: SOURCE,
    title: { en: 'The manifest is a YAML mapping', zh: '备案资料文件顶层是 YAML 映射' },
    explain: {
      en: 'The top level of a manifest is a mapping with `version: 1`, `province`, `entity` and so on.',
      zh: '备案资料文件的顶层是包含 `version: 1`、`province`、`entity` 等键的映射。',
    },
    messages: {
      fail: {
        message: { en: 'The top level of the manifest is {got}; a mapping is expected.', zh: '备案资料文件顶层是 {got}，应为映射。' },
        fix: {
          en: 'Start the file with `version: 1` (see `icp-check init` or the example manifest).',
          zh: '文件应以 `version: 1` 开头（参见 `icp-check init` 或示例备案资料文件）。',
        },
      },
    },
  },
  {
    id: 'manifest/schema',
    source: SOURCE,
    title: { en: 'The manifest follows the schema', zh: '备案资料文件符合结构定义' },
    explain: {
      en: 'Every value must have the type the manifest schema gives it (print it with `icp-check schema`).',
      zh: '每个值都必须符合备案资料文件结构定义中的类型（用 `icp-check schema` 查看）。',
    },
    messages: {
      fail: {
        message: { en: '{expected}', zh: '{expected}' },
        fix: { en: 'See `icp-check schema` for what this key takes.', zh: '用 `icp-check schema` 查看该键的取值要求。' },
      },
    },
  },
  {
    id: 'manifest/unknown-key',
    source: SOURCE,
    title: { en: 'The manifest has no unknown keys', zh: '备案资料文件中没有未知的键' },
    explain: {
      en: 'A misspelt key (`domian:`) would otherwise be ignored and its check silently skipped, so unknown keys are errors.',
      zh: '拼错的键（如 `domian:`）会被忽略，相应检查也会被悄悄跳过，因此未知的键视为错误。',
    },
    messages: {
      fail: {
        message: { en: 'Unknown key "{key}".', zh: '未知的键“{key}”。' },
        fix: { en: 'Remove it or correct its spelling.', zh: '请删除该键或更正拼写。' },
      },
      suggest: {
        message: { en: 'Unknown key "{key}"; did you mean "{suggestion}"?', zh: '未知的键“{key}”；是否应为“{suggestion}”？' },
        fix: { en: 'Rename it to "{suggestion}".', zh: '请改为“{suggestion}”。' },
      },
    },
  },
  {
    id: 'manifest/province',
    source: 'guide: An ICP Filing must be registered in the same province where the business licenses were issued',
    title: { en: 'The filing province is known', zh: '备案省份可识别' },
    explain: {
      en: 'The province decides which communications administration reviews the filing and which rules apply. It accepts pinyin (guangdong), Chinese (广东, 广东省), the GB/T 2260 code (44), the abbreviation (粤) and two letters (GD).',
      zh: '备案省份决定由哪个通信管理局审核以及适用哪些规则。可写拼音（`guangdong`）、中文（广东、广东省）、GB/T 2260 代码（44）、简称（粤）或两位字母（`GD`）。',
    },
    messages: {
      fail: {
        message: { en: 'Unknown province "{value}".', zh: '无法识别的省份“{value}”。' },
        fix: { en: 'Use one of: {accepted}', zh: '请使用以下之一：{accepted}' },
      },
    },
  },
  {
    id: 'manifest/internal-error',
    source: 'icp-check README: exit codes (2: an internal error)',
    title: { en: 'The filing could be checked', zh: '备案可以完成检查' },
    explain: {
      en: 'When icp-check itself fails on one filing, that filing is reported as invalid (exit 2) with what went wrong, and the other filings are still checked.',
      zh: '当 icp-check 自身在某份备案上出错时，该备案标记为无效（退出码 2）并说明原因，其他备案照常检查。',
    },
    messages: {
      fail: {
        message: { en: 'icp-check could not check this filing: {detail}', zh: 'icp-check 无法检查此备案：{detail}' },
        fix: {
          en: 'Run again with --verbose and report the problem to the icp-check maintainers; check this filing by hand meanwhile.',
          zh: '请加 --verbose 重新运行并向 icp-check 维护者报告该问题；在此期间请人工检查此备案。',
        },
      },
      'rule-error': {
        message: { en: 'The check {check} could not run: {detail}', zh: '检查 {check} 无法运行：{detail}' },
        fix: { en: 'Confirm this point by hand and report the problem to the icp-check maintainers.', zh: '请人工确认此项，并向 icp-check 维护者报告该问题。' },
      },
    },
  },
];
