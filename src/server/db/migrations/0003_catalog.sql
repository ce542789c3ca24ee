-- The product catalog of a clinic: substances, products with their composition, lots with stock,
-- cocktail templates, and the stock ledger. Codes of substance classes are the vocabulary's
-- (src/domain/vocabulary); the application validates them, the CHECKs below back it up.

CREATE TABLE substances (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name_en text NOT NULL,
  name_ru text NOT NULL,
  class text NOT NULL,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, code),
  UNIQUE (clinic_id, id)
);

CREATE TABLE products (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  code text NOT NULL CHECK (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name text NOT NULL,
  manufacturer text,
  distributor text,
  registration_number text,
  registration_status text NOT NULL DEFAULT 'registered' CHECK (registration_status IN ('registered', 'pending', 'expired', 'revoked', 'none')),
  licensed boolean NOT NULL,
  intradermal boolean NOT NULL,
  ampoule_ml numeric(8, 2) CHECK (ampoule_ml > 0),
  multi_dose boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  notes text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, code),
  UNIQUE (clinic_id, id)
);

CREATE TABLE product_substances (
  clinic_id uuid NOT NULL,
  product_id uuid NOT NULL,
  substance_id uuid NOT NULL,
  concentration_mg_per_ml numeric(10, 3) CHECK (concentration_mg_per_ml >= 0),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (product_id, substance_id),
  FOREIGN KEY (clinic_id, product_id) REFERENCES products (clinic_id, id) ON DELETE CASCADE,
  FOREIGN KEY (clinic_id, substance_id) REFERENCES substances (clinic_id, id)
);

CREATE TABLE lots (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  product_id uuid NOT NULL,
  lot_number text NOT NULL CHECK (length(lot_number) BETWEEN 1 AND 64),
  -- The last day the lot may be used.
  expires_on date NOT NULL,
  quantity_received_ml numeric(10, 2) NOT NULL CHECK (quantity_received_ml >= 0),
  -- Stock can never go negative: sessions decrement it with a guarded UPDATE in their transaction.
  quantity_on_hand_ml numeric(10, 2) NOT NULL CHECK (quantity_on_hand_ml >= 0),
  supplier text,
  received_on date,
  recalled_at timestamptz,
  recall_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, product_id, lot_number),
  UNIQUE (clinic_id, id),
  FOREIGN KEY (clinic_id, product_id) REFERENCES products (clinic_id, id)
);
CREATE INDEX lots_expiry ON lots (clinic_id, expires_on);

-- Every change of stock, with its reason: the on-hand figure is always explainable.
CREATE TABLE stock_movements (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL,
  lot_id uuid NOT NULL,
  delta_ml numeric(10, 2) NOT NULL,
  reason text NOT NULL CHECK (reason IN ('received', 'session', 'adjustment', 'write-off', 'recall', 'amendment')),
  session_id uuid,
  note text,
  at timestamptz NOT NULL DEFAULT now(),
  by_user_id uuid,
  FOREIGN KEY (clinic_id, lot_id) REFERENCES lots (clinic_id, id)
);
CREATE INDEX stock_movements_lot ON stock_movements (clinic_id, lot_id, at);

CREATE TABLE cocktail_templates (
  id uuid PRIMARY KEY,
  clinic_id uuid NOT NULL REFERENCES clinics (id),
  name text NOT NULL,
  indication text,
  technique text,
  depth_mm numeric(4, 1),
  notes text,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (clinic_id, id)
);

CREATE TABLE cocktail_template_components (
  clinic_id uuid NOT NULL,
  template_id uuid NOT NULL,
  product_id uuid NOT NULL,
  volume_ml numeric(8, 2) NOT NULL CHECK (volume_ml > 0),
  position integer NOT NULL DEFAULT 0,
  PRIMARY KEY (template_id, position),
  FOREIGN KEY (clinic_id, template_id) REFERENCES cocktail_templates (clinic_id, id) ON DELETE CASCADE,
  FOREIGN KEY (clinic_id, product_id) REFERENCES products (clinic_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['substances', 'products', 'product_substances', 'lots', 'stock_movements', 'cocktail_templates', 'cocktail_template_components']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (app_bypass() OR clinic_id = app_clinic())', t);
  END LOOP;
END $$;
