/** The few styles the renderers use. */
export interface Paint {
  bold(text: string): string;
  cyan(text: string): string;
  dim(text: string): string;
  italic(text: string): string;
}

const plain: Paint = { bold: (t) => t, cyan: (t) => t, dim: (t) => t, italic: (t) => t };

/** Styles for a terminal, or none; chalk is loaded only when colour is on, to keep piped runs quick to start. */
export async function loadPaint(color: boolean): Promise<Paint> {
  if (!color) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}
