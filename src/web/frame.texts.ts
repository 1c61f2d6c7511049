// The page frame's texts in Danish and English: head metadata, the menu's current page, the footer's links and the
// printed page's address line.
import { formatDate, type Locale } from '../format.js';

const da = {
  siteDescription:
    'Måltal viser, hvordan Danmark når de nationale mål for arbejdsmiljøet frem mod 2030: måltal for hver branche, data, usikkerhed og status.',
  ogLocale: 'da_DK',
  compareNav: 'Sammenlign',
  footerNav: 'Om Måltal',
  contactNav: 'Kontakt',
  accessibilityNav: 'Tilgængelighedserklæring',
  sourcesNav: 'Kilder',
  methodNav: 'Metode',
  printedFrom: (url: string, iso: string) => `Udskrevet fra ${url} · Siden dannet ${formatDate(iso, 'da')}`,
};

type FrameTexts = typeof da;

const en: FrameTexts = {
  siteDescription:
    "Måltal shows how Denmark is meeting its national working-environment goals toward 2030: each branch's targets, data, uncertainty and status.",
  ogLocale: 'en_GB',
  compareNav: 'Compare',
  footerNav: 'About Måltal',
  contactNav: 'Contact',
  accessibilityNav: 'Accessibility statement',
  sourcesNav: 'Sources',
  methodNav: 'Method',
  printedFrom: (url: string, iso: string) => `Printed from ${url} · Page generated ${formatDate(iso, 'en')}`,
};

export const FRAME_TEXTS: Record<Locale, FrameTexts> = { da, en };
