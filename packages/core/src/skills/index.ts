export { selectSkills } from './select.js';
export { AGENTS_SKILLS_DIR, CLAUDE_SKILLS_DIR, skillDirs, skillsDirFor } from './dirs.js';
export { renderSkills, skillFiles, skillIndex, REFERENCES_SKILL, SKILL_DESCRIPTION_MAX, type RenderedSkill } from './render.js';
