import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newUserBody, updateUserBody } from '../../../domain/api/auth.ts';
import { roles, type Role } from '../../../domain/permissions.ts';
import type { UserRecord } from '../../api/auth.ts';
import { createUser, updateUser } from '../../api/users.ts';
import { notify } from '../../components/notify.ts';
import { useFormDraft } from '../../forms/drafts.ts';
import { applyServerErrors, zodValidate } from '../../forms/validation.ts';

interface Values {
  email: string;
  displayName: string;
  role: string;
  language: string;
  password: string;
  active: boolean;
}

/** Adds a user, or edits one (name, role, language, active, a new password). */
export function UserFormModal({ user, onClose }: { user: UserRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [alert, setAlert] = useState<string | null>(null);
  const isNew = user === null;
  const toCreate = (v: Values) => ({ email: v.email, displayName: v.displayName, role: v.role, password: v.password, language: v.language });
  const toUpdate = (v: Values) => ({
    displayName: v.displayName,
    role: v.role,
    language: v.language,
    active: v.active,
    ...(v.password ? { password: v.password } : {}),
  });
  const form = useForm<Values>({
    initialValues: {
      email: user?.email ?? '',
      displayName: user?.displayName ?? '',
      role: user?.role ?? 'doctor',
      language: user?.language ?? 'ru',
      password: '',
      active: user?.active ?? true,
    },
    validate: isNew ? zodValidate(newUserBody, toCreate) : zodValidate(updateUserBody, toUpdate),
  });
  const draft = useFormDraft(form, isNew ? 'user-new' : `user-${user.id}`, ['password']);

  const submit = async (v: Values) => {
    setAlert(null);
    try {
      const saved = isNew ? await createUser(newUserBody.parse(toCreate(v))) : await updateUser(user.id, updateUserBody.parse(toUpdate(v)));
      draft.clear();
      await queryClient.invalidateQueries({ queryKey: ['users'] });
      notify(isNew ? t('settings.users.created', { name: saved.displayName }) : t('settings.users.updated'));
      onClose();
    } catch (err) {
      setAlert(applyServerErrors(form, err));
    }
  };
  const role = form.getValues().role as Role;

  return (
    <Modal
      opened
      onClose={() => {
        draft.clear();
        onClose();
      }}
      title={isNew ? t('settings.users.newTitle') : t('settings.users.editTitle', { name: user.displayName })}
      size="lg"
      centered
    >
      <form onSubmit={form.onSubmit((v) => submit(v))} noValidate>
        <Stack gap="md">
          {alert && (
            <Alert color="red" variant="light" role="alert">
              {alert}
            </Alert>
          )}
          <TextInput label={t('settings.users.name')} required data-autofocus {...form.getInputProps('displayName')} />
          <TextInput label={t('settings.users.email')} type="email" required disabled={!isNew} autoComplete="off" {...form.getInputProps('email')} />
          <Select
            label={t('settings.users.role')}
            required
            allowDeselect={false}
            data={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            description={roles.includes(role) ? t(`settings.users.roleHelp.${role}`) : undefined}
            {...form.getInputProps('role')}
          />
          <Select
            label={t('settings.users.language')}
            allowDeselect={false}
            data={[
              { value: 'ru', label: t('languages.ru') },
              { value: 'en', label: t('languages.en') },
            ]}
            {...form.getInputProps('language')}
          />
          <PasswordInput
            label={isNew ? t('settings.users.password') : t('settings.users.newPassword')}
            description={isNew ? t('settings.users.passwordHint') : t('settings.users.newPasswordHint')}
            required={isNew}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
          {!isNew && <Switch label={t('common.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          {!isNew && !form.getValues().active && (
            <Text size="xs" c="dimmed">
              {t('common.inactive')}
            </Text>
          )}
          <Group justify="flex-end" gap="sm" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={form.submitting}>
              {isNew ? t('common.create') : t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
