import { Button, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lots } from '../../api/catalog.ts';
import { problemText } from '../../forms/validation.ts';
import { RecipientsModal } from '../catalog/RecipientsModal.tsx';

/** Opens the catalog's recipients screen of one lot (whom to contact, with the contacts CSV once recalled). */
export function LotRecipientsButton({ lotId, label }: { lotId: string; label: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  // The catalog's screen takes the lot as the catalog lists it: read it when asked for.
  const lot = useQuery({ queryKey: ['lots', 'one', lotId], queryFn: () => lots.get(lotId), enabled: open });
  return (
    <>
      <Button size="xs" variant="light" loading={open && lot.isPending} onClick={() => setOpen(true)} aria-label={t('alerts.recipientsOf', { lot: label })}>
        {t('alerts.recipients', { lot: label })}
      </Button>
      {open && lot.data && <RecipientsModal lot={lot.data} onClose={() => setOpen(false)} />}
      {open && lot.isError && (
        <Text size="xs" c="red.9" role="alert">
          {problemText(lot.error)}
        </Text>
      )}
    </>
  );
}
