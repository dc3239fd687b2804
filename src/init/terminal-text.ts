// Text from outside (file names, answers-file values) reaches the terminal only without control
// characters, so a crafted name cannot move the cursor or rewrite the screen.
export { stripControl } from '../report/sanitize.js';
