import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import 'dayjs/locale/ru';
import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, useMemo, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';
import { SessionProvider } from './session/SessionProvider.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

const i18n = await initI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx answer will not change by asking again; a dropped connection might.
      retry: (count, err) => count < 2 && (!(err instanceof ApiError) || err.status === 0 || err.status >= 500),
      // Every read of patient data is audited: no background refetching that nobody looked at.
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

/** The theme, with what Mantine draws itself (a dialog's close button, a number's decimal separator) in the user's language. */
function LocalisedMantine({ children }: { children: ReactNode }) {
  const { t, i18n: current } = useTranslation();
  const localised = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
          // Russian writes 1,5 мл; either key types the separator.
          NumberInput: { defaultProps: { decimalSeparator: current.language === 'ru' ? ',' : '.', allowedDecimalSeparators: ['.', ','] } },
        },
      }),
    // t follows the language; the language is what changes the label.
    [t, current.language],
  );
  return (
    <MantineProvider theme={localised} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {children}
    </MantineProvider>
  );
}

function LocalisedDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return <DatesProvider settings={{ locale: current.language === 'ru' ? 'ru' : 'en', firstDayOfWeek: 1 }}>{children}</DatesProvider>;
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <LocalisedMantine>
        <LocalisedDates>
          {/* Over the middle of the header, where nothing is clicked: at the top right a message sat
              for its five seconds over the language and account menus and the page's own actions,
              at the bottom right over a form's Save. */}
          <Notifications position="top-center" />
          <QueryClientProvider client={queryClient}>
            <BrowserRouter>
              <SessionProvider>
                <App />
              </SessionProvider>
            </BrowserRouter>
          </QueryClientProvider>
        </LocalisedDates>
      </LocalisedMantine>
    </I18nextProvider>
  </StrictMode>,
);
