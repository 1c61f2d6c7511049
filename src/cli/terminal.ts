// Text from the data (file names, source labels, case ids, cell values quoted in a message) reaches the terminal
// escaped: a stored escape sequence could otherwise move the cursor, rewrite lines or retitle the window.
/** C0 controls other than newline and tab, DEL, and the C1 controls (U+0080–U+009F, where CSI lives). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text with every control character written as a \uXXXX escape (also valid inside JSON strings). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
