// One place for how numbers read in the UI, so the backlog, the preview and the detail page agree.
const percent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  maximumFractionDigits: 0,
  signDisplay: 'exceptZero',
});
const plainPercent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 2 });
const amount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const roundAmount = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const months = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** ROI is a ratio (1.4); people read it as a signed percentage (+140%). */
export const formatRoi = (roi: number) => percent.format(roi);

/** A rate held as a fraction (0.025) shown as 2.5%. */
export const formatRate = (fraction: number) => plainPercent.format(fraction);

/** Money-like amounts: cents only where they matter. */
export const formatAmount = (value: number) => (Math.abs(value) >= 100 ? roundAmount : amount).format(value);

/** Months, to a tenth; a payback that rounds to 0 reads "< 0.1 mo", never "0 mo" (which says it costs nothing). */
export const formatMonths = (value: number | null | undefined) =>
  value === null || value === undefined ? '—' : value > 0 && value < 0.05 ? '< 0.1 mo' : `${months.format(value)} mo`;

export const formatDateTime = (value: Date | string) => dateTime.format(new Date(value));
export const formatDate = (value: Date | string) => date.format(new Date(value));

// Enum words that are abbreviations keep their capitals: the channel SMS, not "Sms".
const ACRONYMS = new Set(['sms', 'api', 'csv', 'roi', 'url']);

/** `SALES_CALL` → `Sales call`, `SMS` → `SMS`: enum values as words. */
export const humanize = (value: string) => {
  const words = value
    .toLowerCase()
    .split('_')
    .map((w) => (ACRONYMS.has(w) ? w.toUpperCase() : w))
    .join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** The api's field messages are fragments ("is required"); under a field they read as sentences. */
export const sentence = (message: string | undefined) => message && message.charAt(0).toUpperCase() + message.slice(1);

/** A fragment as a sentence that other sentences follow: capitalised and ending in a full stop. */
export const fullSentence = (message: string | undefined) => {
  const s = sentence(message?.trim());
  return s && (/[.!?]$/.test(s) ? s : `${s}.`);
};

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat('en-US', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

/** Units, rows, conversions: whole numbers with separators. */
export const formatCount = (value: number) => count.format(value);

/** A relative lift held as a fraction (0.123) shown signed with one decimal (+12.3%). */
export const formatLift = (fraction: number) => signedPercent.format(fraction);

/** p-values below 0.001 read as "< 0.001"; nobody acts on the fourth decimal. */
export const formatPValue = (p: number) => (p < 0.001 ? '< 0.001' : p.toFixed(3));

/** A p-value inside a sentence: "p < 0.001" or "p = 0.034", never "p = < 0.001". */
export const formatPInline = (p: number) => (p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`);
