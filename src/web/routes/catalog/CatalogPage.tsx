import { Card, Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/Page.tsx';
import { KitTab } from './KitTab.tsx';
import { LotsTab } from './LotsTab.tsx';
import { ProductsTab } from './ProductsTab.tsx';
import { SubstancesTab } from './SubstancesTab.tsx';
import { TemplatesTab } from './TemplatesTab.tsx';

const tabs = ['lots', 'products', 'substances', 'templates', 'kit'] as const;
type Tab = (typeof tabs)[number];

/** The clinic's catalog: products with their composition, substances, lots in stock with expiry, cocktail templates, the anti-shock kit. */
export function CatalogPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  const current: Tab = tabs.find((x) => x === tab) ?? 'lots';
  return (
    <Stack gap="lg" maw={1400}>
      <PageHeader title={t('catalog.title')} />
      <Tabs value={current} onChange={(v) => void navigate(`/catalog/${v ?? ''}`)} keepMounted={false} variant="outline">
        <Tabs.List>
          {tabs.map((x) => (
            <Tabs.Tab key={x} value={x}>
              {t(`catalog.tabs.${x}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Card p={{ base: 'md', sm: 'lg' }} style={{ borderTopLeftRadius: 0, borderTop: 0 }}>
          <Tabs.Panel value="products">
            <ProductsTab />
          </Tabs.Panel>
          <Tabs.Panel value="substances">
            <SubstancesTab />
          </Tabs.Panel>
          <Tabs.Panel value="lots">
            <LotsTab />
          </Tabs.Panel>
          <Tabs.Panel value="templates">
            <TemplatesTab />
          </Tabs.Panel>
          <Tabs.Panel value="kit">
            <KitTab />
          </Tabs.Panel>
        </Card>
      </Tabs>
    </Stack>
  );
}
