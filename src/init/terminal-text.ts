// Text from outside (file names, answers-file values) reaches the terminal only without control
// characters, so a crafted name cannot move the cursor or rewrite the screen.

// C0 and C1 controls, DEL, and the bidirectional overrides that can reorder what is shown.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(text: string): string {
  return text.replace(CONTROL, '');
}
