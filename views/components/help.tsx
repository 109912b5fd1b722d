/** The `?` overlay: every key of the current screen, from the key table. */
import { Box } from 'ink';
import { helpSections, type KeymapId } from '../keys.js';
import { fit, wrapIndented } from '../text.js';
import { Footer, T, TitleBar } from './ui.js';

export interface HelpLine {
  text: string;
  heading: boolean;
}

/** The overlay's lines, so the App can scroll them like any other list. */
export function helpLines(maps: readonly KeymapId[], width: number): HelpLine[] {
  const lines: HelpLine[] = [];
  const keyWidth = Math.min(22, Math.max(12, Math.floor(width / 4)));
  for (const section of helpSections(maps)) {
    lines.push({ text: section.title, heading: true });
    for (const row of section.rows) {
      // Long explanations wrap under themselves rather than being cut.
      for (const text of wrapIndented(`  ${fit(row.keys, keyWidth)} `, row.help, width)) lines.push({ text, heading: false });
    }
    lines.push({ text: '', heading: false });
  }
  return lines;
}

export function HelpOverlay({ lines, offset, width, height }: { lines: readonly HelpLine[]; offset: number; width: number; height: number }) {
  const bodyHeight = Math.max(1, height - 2);
  const shown = lines.slice(offset, offset + bodyHeight);
  const position = lines.length > bodyHeight ? `${offset + 1}–${Math.min(lines.length, offset + bodyHeight)}/${lines.length}` : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <TitleBar width={width} left="Help — keys of this screen" right="esc closes" />
      <Box flexDirection="column" height={bodyHeight}>
        {shown.map((line, i) => (
          <T key={offset + i} tone={line.heading ? 'accent' : 'plain'} bold={line.heading}>
            {fit(line.text, width)}
          </T>
        ))}
      </Box>
      <Footer width={width} maps={['help']} position={position} global={false} />
    </Box>
  );
}
