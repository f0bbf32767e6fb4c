import { createTheme, NumberInput } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  headings: { fontWeight: '650' },
  components: {
    // A number outside a field's range stays as typed and the form says what is wrong with it; Mantine's
    // default would quietly clamp it on blur (−5 becoming 0, a horizon of 0 becoming 1).
    NumberInput: NumberInput.extend({ defaultProps: { clampBehavior: 'none' } }),
  },
});
