import { defaultTheme, type RaThemeOptions } from 'react-admin';

/**
 * A calm clinical theme. Focus is always visible (keyboard users move through the whole console with
 * Tab), and contrast stays at WCAG AA for text on every surface.
 */
const focusRing = { outline: '3px solid #f4a261', outlineOffset: 2 };

export const theme: RaThemeOptions = {
  ...defaultTheme,
  palette: {
    mode: 'light',
    primary: { main: '#176b87', contrastText: '#ffffff' },
    secondary: { main: '#0f4c5c', contrastText: '#ffffff' },
    background: { default: '#f4f7f9', paper: '#ffffff' },
    error: { main: '#b3261e' },
  },
  shape: { borderRadius: 8 },
  typography: { fontFamily: '"Inter", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif', fontSize: 14 },
  sidebar: { width: 220, closedWidth: 56 },
  components: {
    ...defaultTheme.components,
    MuiButtonBase: { defaultProps: { disableRipple: false }, styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
    MuiLink: { styleOverrides: { root: { '&:focus-visible': focusRing } } },
    MuiAppBar: { styleOverrides: { colorSecondary: { backgroundColor: '#0f4c5c' } } },
    MuiCssBaseline: { styleOverrides: { '*:focus-visible': focusRing } },
  },
};
