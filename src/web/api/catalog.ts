// The catalog and stock: substances, products, cocktail templates, lots, the clinic's settings, and
// the safety engine over HTTP.
import type { z } from 'zod';
import type { clinicSchema } from '../../domain/api/catalog-clinic.ts';
import type { adjustmentBody, lotSchema, newLotBody, stockMovementSchema, updateLotBody } from '../../domain/api/catalog-lots.ts';
import type {
  cocktailTemplateSchema,
  newProductBody,
  newSubstanceBody,
  newTemplateBody,
  productSchema,
  substanceSchema,
  updateProductBody,
  updateSubstanceBody,
  updateTemplateBody,
} from '../../domain/api/catalog.ts';
import { api, type Wire } from './client.ts';
import type { Page } from './patients.ts';

export type Substance = Wire<z.infer<typeof substanceSchema>>;
export type Product = Wire<z.infer<typeof productSchema>>;
export type CocktailTemplate = Wire<z.infer<typeof cocktailTemplateSchema>>;
export type LotRecord = Wire<z.infer<typeof lotSchema>>;
export type StockMovement = Wire<z.infer<typeof stockMovementSchema>>;
export type ClinicRecord = Wire<z.infer<typeof clinicSchema>>;

export const catalog = {
  substances: (q?: string) => api.get<Page<Substance>>('/substances', { q, limit: 200 }),
  createSubstance: (body: z.input<typeof newSubstanceBody>) => api.post<Substance>('/substances', body),
  updateSubstance: (id: string, body: z.input<typeof updateSubstanceBody>) => api.patch<Substance>(`/substances/${id}`, body),
  products: (q?: string) => api.get<Page<Product>>('/products', { q, limit: 200 }),
  product: (id: string) => api.get<Product>(`/products/${id}`),
  createProduct: (body: z.input<typeof newProductBody>) => api.post<Product>('/products', body),
  updateProduct: (id: string, body: z.input<typeof updateProductBody>) => api.patch<Product>(`/products/${id}`, body),
  templates: () => api.get<Page<CocktailTemplate>>('/cocktail-templates', { limit: 200 }),
  createTemplate: (body: z.input<typeof newTemplateBody>) => api.post<CocktailTemplate>('/cocktail-templates', body),
  updateTemplate: (id: string, body: z.input<typeof updateTemplateBody>) => api.patch<CocktailTemplate>(`/cocktail-templates/${id}`, body),
  importStarter: () => api.post<{ substances: { created: number }; products: { created: number }; templates: { created: number } }>('/catalog/import-starter'),
};

export const lots = {
  list: (query: { productId?: string; usable?: boolean; expiringWithinDays?: number; cursor?: string } = {}) =>
    api.get<Page<LotRecord>>('/lots', { limit: 500, ...query, usable: query.usable ? 'true' : undefined }),
  get: (id: string) => api.get<LotRecord>(`/lots/${id}`),
  create: (body: z.input<typeof newLotBody>) => api.post<LotRecord>('/lots', body),
  update: (id: string, body: z.input<typeof updateLotBody>) => api.patch<LotRecord>(`/lots/${id}`, body),
  movements: (id: string) => api.get<Page<StockMovement>>(`/lots/${id}/movements`),
  adjust: (id: string, body: z.input<typeof adjustmentBody>) => api.post<{ lot: LotRecord; movement: StockMovement }>(`/lots/${id}/adjustments`, body),
};

export const clinic = {
  get: () => api.get<ClinicRecord>('/clinic'),
  saveSettings: (settings: unknown) => api.put<ClinicRecord>('/clinic/settings', settings),
};
