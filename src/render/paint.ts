/** The few styles the renderers use. */
export interface Paint {
  bold(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  italic(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  /** What a search matched. */
  highlight(text: string): string;
}

const same = (text: string) => text;
const plain: Paint = { bold: same, cyan: same, dim: same, italic: same, red: same, yellow: same, highlight: same };

/** Styles for a terminal, or none; chalk is loaded only when colour is on, to keep piped runs quick to start. */
export async function loadPaint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { bold: chalk.bold, cyan: chalk.cyan, dim: chalk.dim, italic: chalk.italic, red: chalk.red, yellow: chalk.yellow, highlight: chalk.bold.yellow };
}
