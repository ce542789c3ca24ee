import { AppShell, Avatar, Badge, Box, Burger, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useMe, useSession } from '../session/session.ts';
import { IconLogout, IconSettings } from './icons.tsx';
import { LanguageMenu } from './LanguageMenu.tsx';
import { Logo } from './Logo.tsx';
import { navItems } from './nav-items.ts';
import classes from './AppLayout.module.css';

function initials(name: string): string {
  const words = name.replace(/^(Dr\.?|Др\.?)\s+/i, '').split(/\s+/).filter(Boolean);
  return words.slice(0, 2).map((w) => w.charAt(0).toUpperCase()).join('');
}

/** The frame of every signed-in screen: header, navigation by capability, and the page. */
export function AppLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  const session = useSession();
  const location = useLocation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navItems.filter((i) => !i.capability || session.can(i.capability));
  const isActive = (to: string) => (to === '/' ? location.pathname === '/' : location.pathname === to || location.pathname.startsWith(`${to}/`));

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: { md: 230, lg: 250 }, breakpoint: 'md', collapsed: { mobile: !opened } }} padding={{ base: 'md', md: 'lg' }} className={classes.shell}>
      <a href="#main" className={classes.skip}>
        {t('common.skipToContent')}
      </a>
      <AppShell.Header className={classes.header}>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={opened ? t('nav.closeMenu') : t('nav.openMenu')} />
            <Logo />
            <Text c="dimmed" size="sm" visibleFrom="sm" className={classes.clinic}>
              {me.clinic.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <LanguageMenu />
            <Menu position="bottom-end" width={240} withinPortal>
              <Menu.Target>
                <UnstyledButton className={classes.user} aria-label={`${t('nav.userMenu')}: ${me.user.displayName}`}>
                  <Group gap="xs" wrap="nowrap">
                    <Avatar color="clinic" radius="xl" size={34}>
                      {initials(me.user.displayName)}
                    </Avatar>
                    <Box visibleFrom="sm">
                      <Text size="sm" fw={600} lh={1.2}>
                        {me.user.displayName}
                      </Text>
                      <Text size="xs" c="dimmed" lh={1.2}>
                        {t(`roles.${me.user.role}`)}
                      </Text>
                    </Box>
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {t('nav.signedInAs')} {me.user.email}
                </Menu.Label>
                <Menu.Item component={RouterLink} to="/settings" leftSection={<IconSettings size={16} />}>
                  {t('nav.settings')}
                </Menu.Item>
                <Menu.Divider />
                <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void session.signOut()}>
                  {t('nav.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="sm" className={classes.navbar}>
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <nav aria-label={t('nav.main')}>
            <Stack gap={4}>
              {items.map((item) => (
                <NavLink
                  key={item.to}
                  component={RouterLink}
                  to={item.to}
                  label={t(item.label)}
                  leftSection={<item.icon size={20} />}
                  active={isActive(item.to)}
                  aria-current={isActive(item.to) ? 'page' : undefined}
                  onClick={close}
                  className={classes.link}
                />
              ))}
            </Stack>
          </nav>
        </AppShell.Section>
        <AppShell.Section className={classes.footer}>
          <Badge variant="light" color="gray" radius="sm" fullWidth tt="none" fw={500}>
            {t(`roles.${me.user.role}`)} · {me.clinic.name}
          </Badge>
        </AppShell.Section>
      </AppShell.Navbar>

      <AppShell.Main id="main" className={classes.main}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
