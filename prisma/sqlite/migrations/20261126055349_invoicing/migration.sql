-- CreateTable
CREATE TABLE "Profile" (
    "practitionerId" TEXT NOT NULL PRIMARY KEY,
    "displayName" TEXT NOT NULL,
    "profession" TEXT NOT NULL DEFAULT 'Psicologo/a',
    "codiceFiscale" TEXT NOT NULL,
    "partitaIva" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "province" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "taxRegime" TEXT NOT NULL DEFAULT 'ordinario',
    "pensionFundLabel" TEXT NOT NULL DEFAULT 'ENPAP',
    "pensionFundRateBp" INTEGER NOT NULL DEFAULT 200,
    "bolloPolicy" TEXT NOT NULL DEFAULT 'patient',
    "defaultExpenseType" TEXT NOT NULL DEFAULT 'SP',
    "iban" TEXT,
    "invoiceFooter" TEXT,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Profile_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Patient" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'person',
    "firstName" TEXT,
    "lastName" TEXT,
    "companyName" TEXT,
    "codiceFiscale" TEXT,
    "foreign" BOOLEAN NOT NULL DEFAULT false,
    "partitaIva" TEXT,
    "birthDate" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "postalCode" TEXT,
    "city" TEXT,
    "province" TEXT,
    "opposesSts" BOOLEAN NOT NULL DEFAULT false,
    "opposesStsSince" TEXT,
    "notes" TEXT,
    "searchText" TEXT NOT NULL,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Patient_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvoiceCounter" (
    "practitionerId" TEXT NOT NULL,
    "series" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    PRIMARY KEY ("practitionerId", "series", "year")
);

-- CreateTable
CREATE TABLE "Invoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "practitionerId" TEXT NOT NULL,
    "patientId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'invoice',
    "status" TEXT NOT NULL DEFAULT 'draft',
    "year" INTEGER,
    "number" INTEGER,
    "issueDate" TEXT NOT NULL,
    "paymentDate" TEXT,
    "paymentMethod" TEXT,
    "opposition" BOOLEAN NOT NULL DEFAULT false,
    "creditedInvoiceId" TEXT,
    "subtotalCents" INTEGER NOT NULL DEFAULT 0,
    "pensionFundCents" INTEGER NOT NULL DEFAULT 0,
    "bolloCents" INTEGER NOT NULL DEFAULT 0,
    "bolloChargedToPatient" BOOLEAN NOT NULL DEFAULT false,
    "totalCents" INTEGER NOT NULL DEFAULT 0,
    "pensionFundRateBp" INTEGER NOT NULL DEFAULT 0,
    "pensionFundLabel" TEXT NOT NULL DEFAULT 'ENPAP',
    "taxRegime" TEXT NOT NULL DEFAULT 'ordinario',
    "bolloPolicy" TEXT NOT NULL DEFAULT 'patient',
    "bolloIdentifier" TEXT,
    "notes" TEXT,
    "patientSnapshot" TEXT,
    "issuerSnapshot" TEXT,
    "contentVersion" INTEGER NOT NULL DEFAULT 0,
    "issuedAt" DATETIME,
    "voidedAt" DATETIME,
    "voidReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "stsState" TEXT NOT NULL DEFAULT 'not_applicable',
    "stsReason" TEXT,
    CONSTRAINT "Invoice_practitionerId_fkey" FOREIGN KEY ("practitionerId") REFERENCES "Practitioner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Invoice_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "Patient" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Invoice_creditedInvoiceId_fkey" FOREIGN KEY ("creditedInvoiceId") REFERENCES "Invoice" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvoiceLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invoiceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceCents" INTEGER NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "pensionFund" BOOLEAN NOT NULL DEFAULT true,
    "pensionFundCents" INTEGER NOT NULL DEFAULT 0,
    "expenseType" TEXT NOT NULL DEFAULT 'SP',
    CONSTRAINT "InvoiceLine_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InvoiceEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "invoiceId" TEXT NOT NULL,
    "practitionerId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "changes" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InvoiceEvent_invoiceId_fkey" FOREIGN KEY ("invoiceId") REFERENCES "Invoice" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Patient_practitionerId_searchText_idx" ON "Patient"("practitionerId", "searchText");

-- CreateIndex
CREATE UNIQUE INDEX "Patient_practitionerId_codiceFiscale_key" ON "Patient"("practitionerId", "codiceFiscale");

-- CreateIndex
CREATE INDEX "Invoice_practitionerId_issueDate_idx" ON "Invoice"("practitionerId", "issueDate");

-- CreateIndex
CREATE INDEX "Invoice_practitionerId_year_status_idx" ON "Invoice"("practitionerId", "year", "status");

-- CreateIndex
CREATE INDEX "Invoice_practitionerId_stsState_idx" ON "Invoice"("practitionerId", "stsState");

-- CreateIndex
CREATE INDEX "Invoice_patientId_idx" ON "Invoice"("patientId");

-- CreateIndex
CREATE UNIQUE INDEX "Invoice_practitionerId_kind_year_number_key" ON "Invoice"("practitionerId", "kind", "year", "number");

-- CreateIndex
CREATE INDEX "InvoiceLine_invoiceId_position_idx" ON "InvoiceLine"("invoiceId", "position");

-- CreateIndex
CREATE INDEX "InvoiceEvent_invoiceId_at_idx" ON "InvoiceEvent"("invoiceId", "at");

