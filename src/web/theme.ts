// The look: calm teal on white, system fonts, comfortable touch targets for a tablet.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// Shade 7 is the primary: white text on it passes WCAG AA (5.5:1), and 8 darkens it on hover.
const clinic: MantineColorsTuple = ['#e6f7f8', '#cdeef0', '#9fdce1', '#6dc9d1', '#45b8c3', '#2ba8b5', '#1b8f9c', '#0f7480', '#0a5f69', '#074b53'];

export const theme = createTheme({
  primaryColor: 'clinic',
  primaryShade: 7,
  colors: { clinic },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Card: { defaultProps: { withBorder: true, radius: 'md' } },
    Button: { defaultProps: { radius: 'md' } },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // A label longer than its column ("Непосредственные реакции") wraps within it rather than
    // pushing its value out of line with the others.
    DataList: { styles: { itemLabel: { maxWidth: 'var(--data-list-label-width)', flexShrink: 0 } } },
  },
});

/**
 * Mantine's dimmed grey (3.3:1 on white) and the text of its light orange, yellow, teal and green
 * badges (3:1 to 4.4:1 on their tint) and its error red fail WCAG AA for small text; these darker
 * ones read at 5:1 or more.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c6670',
    '--mantine-color-placeholder': '#6b7580',
    '--mantine-color-orange-light-color': '#a93b07',
    '--mantine-color-yellow-light-color': '#8a5a00',
    '--mantine-color-teal-light-color': '#065f46',
    '--mantine-color-green-light-color': '#1e6b2c',
    '--mantine-color-red-light-color': '#a51d1d',
    // Field errors (Mantine's red 6 reads at 3.6:1): the message under an input must be legible.
    '--mantine-color-error': '#c0261f',
  },
  dark: {},
});
