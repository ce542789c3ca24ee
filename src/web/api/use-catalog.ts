// Catalog lists many screens share, cached for a while (they change rarely).
import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { localName, useLang } from '../i18n/vocab.ts';
import { useSession } from '../session/session.ts';
import { catalog, clinic } from './catalog.ts';

const minutes = (n: number) => n * 60_000;

/** The clinic's substances (for allergy names and the engine's substance flags). */
export function useSubstances() {
  const session = useSession();
  return useQuery({ queryKey: ['catalog', 'substances'], queryFn: () => catalog.substances(), staleTime: minutes(5), enabled: session.can('catalog.read') });
}

/** The clinic's products with their composition. */
export function useProducts() {
  return useQuery({ queryKey: ['catalog', 'products'], queryFn: () => catalog.products(), staleTime: minutes(5) });
}

/** A product's name in the interface language, by catalog code (the code itself until the catalog has loaded). */
export function useProductName(): (code: string) => string {
  const lang = useLang();
  const products = useProducts();
  return useCallback(
    (code: string) => {
      const p = products.data?.items.find((x) => x.code === code);
      return p ? localName(p, lang) : code;
    },
    [products.data, lang],
  );
}

/** The clinic's cocktail templates. */
export function useTemplates() {
  return useQuery({ queryKey: ['catalog', 'templates'], queryFn: () => catalog.templates(), staleTime: minutes(5) });
}

/** The clinic, its assessment settings and their effective values. */
export function useClinic() {
  return useQuery({ queryKey: ['clinic'], queryFn: () => clinic.get(), staleTime: minutes(5) });
}
