// Series colours for charts drawn with recharts directly: Mantine's palette through its CSS variables, so they
// match the charts drawn with @mantine/charts. Ordered so neighbours differ in hue.
const HUES = ['indigo', 'teal', 'orange', 'grape', 'cyan', 'pink', 'lime', 'red'] as const;

/** The i-th series' colour as a CSS value (`shade` 6 by default). */
export const seriesColor = (i: number, shade = 6) => `var(--mantine-color-${HUES[i % HUES.length]}-${shade})`;

/** The colour of the control in a per-variant chart: grey, so the treatments stand out. */
export const CONTROL_COLOR = 'var(--mantine-color-gray-6)';
