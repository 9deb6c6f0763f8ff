/** The agent-file linter (pure): detection by location, per-format specs, findings. */
export { lintAgentFiles, suggestKey, type Finding, type LintInput, type LintReport, type Severity } from './lint.js';
export { detectFormat, isDiscoverable, type Detected } from './detect.js';
export { SPECS, type FormatSpec } from './specs.js';
