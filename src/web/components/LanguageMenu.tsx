import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { langs } from '../i18n/index.ts';
import { useSession } from '../session/session.ts';
import { IconCheck, IconLanguage } from './icons.tsx';

/** Switches the interface language; for a signed-in user the choice is kept on the server. */
export function LanguageMenu({ variant = 'subtle' }: { variant?: 'subtle' | 'default' }) {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const current = (i18n.language === 'ru' ? 'ru' : 'en');
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant={variant} color="gray" leftSection={<IconLanguage size={18} />} aria-label={`${t('nav.language')}: ${t(`languages.${current}`)}`}>
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('nav.language')}</Menu.Label>
        {langs.map((l) => (
          <Menu.Item key={l} lang={l} onClick={() => void session.setLanguage(l)} rightSection={l === current ? <IconCheck size={16} /> : null}>
            {t(`languages.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
