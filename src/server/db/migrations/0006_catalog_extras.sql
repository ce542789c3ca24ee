-- What the catalog API and the safety engine need beyond 0003:
-- - registration statuses spelled as the domain spells them ('not-registered' instead of 'none');
-- - the substance flags two §6 rules read (Asteraceae plant → compositae-allergy, fish DNA →
--   fish-allergy), so a clinic's own substances can carry them, not only the starter catalog's;
-- - whether an anaesthetic in a product comes with adrenaline (the higher lidocaine limit);
-- - a product's Russian name, so Russian findings name products in Russian;
-- - a code on cocktail templates, so the starter catalog can be imported again without duplicates.

UPDATE products SET registration_status = 'not-registered' WHERE registration_status = 'none';
ALTER TABLE products DROP CONSTRAINT products_registration_status_check;
ALTER TABLE products ADD CONSTRAINT products_registration_status_check
  CHECK (registration_status IN ('registered', 'pending', 'expired', 'revoked', 'not-registered'));
ALTER TABLE products ADD COLUMN name_ru text;

ALTER TABLE substances ADD COLUMN compositae boolean NOT NULL DEFAULT false;
ALTER TABLE substances ADD COLUMN fish_derived boolean NOT NULL DEFAULT false;

ALTER TABLE product_substances ADD COLUMN contains_adrenaline boolean NOT NULL DEFAULT false;

ALTER TABLE cocktail_templates ADD COLUMN code text CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$');
CREATE UNIQUE INDEX cocktail_templates_code_key ON cocktail_templates (clinic_id, code) WHERE code IS NOT NULL;

-- Lists of lots read "usable stock of product P, soonest expiry first".
CREATE INDEX lots_product_expiry ON lots (clinic_id, product_id, expires_on);
