// The method page (/metode, /en/metode): how statuses, intervals, suppression and projections are computed,
// and the data sources with their breaks and conventions, in plain Danish and English. The thresholds and
// settings shown are read from the code's own settings, so the page cannot drift from what is computed.
import { Hono } from 'hono';
import { DEFAULT_ACCIDENT_SETTINGS } from '../accidents/settings.js';
import type { Store } from '../db/connect.js';
import { holdsDemoData } from '../demo/demo.seed.js';
import { formatDecimal, formatNumber, formatPercent, type Locale } from '../format.js';
import { DEFAULT_PROGRESS_SETTINGS, HEADLINE_LABEL, rangePhrase, STATUS_TEXT } from '../stats/index.js';
import { GLOSSARY, GLOSSARY_TITLE } from '../targets/glossary.js';
import { DEFAULT_SURVEY_SETTINGS, type SurveySettings } from '../targets/survey-settings.js';
import { requires } from '../web/authorize.js';
import { MESSAGES } from '../web/i18n.js';
import { Layout } from '../web/layout.js';

interface Section {
  id: string;
  title: string;
  paragraphs: string[];
  list?: string[];
}

function sections(locale: Locale, survey: SurveySettings): Section[] {
  const p = DEFAULT_PROGRESS_SETTINGS;
  const a = DEFAULT_ACCIDENT_SETTINGS;
  const minRespondents = formatNumber(survey.publication.minRespondents, locale);
  const d = (value: number) => formatDecimal(value, locale, 2);
  const pct = (value: number) => formatPercent(value * 100, locale, 1);
  const s = (status: keyof typeof STATUS_TEXT) => STATUS_TEXT[status][locale];
  const uncertainExample = `${HEADLINE_LABEL.uncertain[locale]}: ${rangePhrase('deterioration', 'achieved')[locale]}`;
  const untested = HEADLINE_LABEL.untested[locale];
  if (locale === 'en') {
    return [
      {
        id: 'status',
        title: 'How a target gets its status',
        paragraphs: [
          'We compare the development since the baseline with the development the target needs. Both are compound annual growth rates (CAGR): the steady yearly change that leads from one value to another.',
          `The ratio R is the actual yearly change divided by the required one (with a sign, so change in the wrong direction gives a negative R). The method is the one Statistics Canada and the UN's Open SDG platform use, after Eurostat.`,
        ],
        list: [
          `${s('achieved')}: the latest value has reached the target.`,
          `${s('on_track')}: R ≥ ${d(p.onTrackRatio)}.`,
          `${s('needs_acceleration')}: ${d(p.needsAccelerationRatio)} ≤ R < ${d(p.onTrackRatio)}.`,
          `${s('limited_progress')}: 0 ≤ R < ${d(p.needsAccelerationRatio)}.`,
          `${s('deterioration')}: R < 0.`,
          `${s('insufficient_data')}: fewer than two comparable measurements, or measurements only on both sides of a series break: we never compare across a break. A break after the baseline leaves the target without a status even when the measurements before the break are comparable: a status on them would stop at the break and be read as one of the newest measurement. A new baseline in the new series (a revision of the target) gives a status again.`,
        ],
      },
      {
        id: 'status-no-target',
        title: 'Without a numeric target',
        paragraphs: [
          `Without a numeric target the yearly change in the desired direction decides: at least ${pct(p.noTargetOnTrackCagr)} a year is ${s('on_track').toLowerCase()}, ${pct(p.noTargetNeedsAccelerationCagr)}–${pct(p.noTargetOnTrackCagr)} needs acceleration, 0–${pct(p.noTargetNeedsAccelerationCagr)} is limited progress, and below 0 is deterioration.`,
        ],
      },
      {
        id: 'uncertainty',
        title: 'Uncertainty',
        paragraphs: [
          `Survey figures have a margin of error. We also compute R with the latest value at each end of its 95% confidence interval, which gives a range of statuses. When the change since the baseline is not statistically significant, or when it is but the range holds more than one status, the headline leads with the uncertainty and names only the range, e.g. “${uncertainExample}”, in a neutral colour – on the target page, the overview, goal and branch pages, in the API's text fields and in the CLI alike. It never says "on track" or that the target is met when the data cannot tell.`,
          `When a measurement has neither a confidence interval nor counts, the change cannot be tested at all. The headline then begins “${untested}” and gives the status only as what the figures alone say; it is not shown as certain either.`,
          "Shares have Wilson score intervals; rates (accidents per employed) have exact Poisson intervals below 10 events and Byar intervals from 10; changes in a share are tested with Newcombe's method, changes in a rate with the exact rate ratio.",
        ],
      },
      {
        id: 'projection',
        title: 'Projections',
        paragraphs: [
          "To the target year we extend the yearly change from the baseline to the latest value: what the value would be if the trend continues. Its interval is the same projection with the latest value at each end of its confidence interval (the yearly change from the baseline to that limit, carried forward); it holds only the latest value's uncertainty, not the baseline's or the future's. We say the target would be met only when the status is certain and the whole interval meets it; for an uncertain status, the figures cannot tell.",
          'With three or more measurements we also fit a log-linear trend, weighted by how precise each measurement is. Both are shown; neither is a forecast.',
        ],
      },
      {
        id: 'suppression',
        title: 'Small numbers are hidden',
        paragraphs: [
          `Counts from 1 to ${a.suppression.minCount - 1} are not published, nor any rate or interval built on them. Other cells are hidden too, until no hidden number can be worked out by subtracting published numbers from a published total, whichever way the figures are grouped or filtered: the hidden cells under a published total always add up to at least ${a.suppression.protectionWidth}. Each year is a table of its own; a sum over several years is published only when every year's figure is.`,
          'A published answer says that a figure is hidden, never why. Labour-supply loss is published as total days and full-time years only: the split into stated and imputed days would, with the severity midpoints, give hidden counts away.',
          `A disclosure audit (as in τ-ARGUS and sdcTable) takes everything published for a year and computes, by linear programming, the narrowest range each hidden count can be pinned to from all published figures at once. A count passes when that range is at least ${a.suppression.protectionWidth} wide, wider than the whole band of hidden small counts. What it guarantees: no combination of additions and subtractions of published counts, rates and intervals narrows a count it passes further.`,
          `What it does not cover: what a reader knows from elsewhere (for example a case they were part of), and the limits that published days lost put on counts. Where a count does not pass, more cells are hidden until every count does, and the year is published with that pattern; after new figures arrive this runs again, and until it has finished the year is published with the rules above alone. Every answer says whether its years have passed the audit.`,
          a.suppression.exemptFatal ? a.suppression.exemptNote : '',
          `Survey cells with fewer than ${minRespondents} respondents are not published, and no status is computed from them; the target's explanation names the years left out.`,
        ].filter((text) => text !== ''),
      },
      {
        id: 'accidents',
        title: 'Work accidents',
        paragraphs: [
          'Incidence is reported accidents per 10,000 employed (fatal accidents per 100,000). Reported accidents are counted by the year they were registered, fatal accidents by the year they happened; both ways can be chosen, and every figure says which it uses.',
          'Standardised incidence weights each branch group by its average employment over the period, so that years and groups with different branch mixes can be compared.',
          `Labour-supply loss is days lost divided by ${formatNumber(a.labourLoss.workingDaysPerYear, locale)} working days per full-time year; accidents without stated days count their severity band's midpoint.`,
          a.chemical.note,
        ],
      },
      {
        id: 'sources',
        title: 'Sources, breaks and conventions',
        paragraphs: [
          'Survey measures: Work Environment and Health in Denmark (NFA) 2012–2018, and from 2021 the national monitoring of the working environment among employees (NOA-L, Danish Working Environment Authority). The two measure differently: 2021 starts a new series, and no status compares across the break.',
          ...a.seriesNotes.map((note) => note.en),
          'Employment by branch group, age and sex is the denominator of every rate.',
        ],
      },
    ];
  }
  return [
    {
      id: 'status',
      title: 'Sådan får et måltal sin status',
      paragraphs: [
        'Vi sammenligner udviklingen siden udgangspunktet med den udvikling, der skal til for at nå målet. Begge er gennemsnitlige årlige vækstrater (CAGR): den jævne årlige ændring, der fører fra én værdi til en anden.',
        'Forholdstallet R er den faktiske årlige ændring divideret med den nødvendige (med fortegn, så en ændring i den forkerte retning giver et negativt R). Metoden er den, Statistics Canada og FN’s Open SDG-platform bruger, efter Eurostat.',
      ],
      list: [
        `${s('achieved')}: den seneste værdi har nået målet.`,
        `${s('on_track')}: R ≥ ${d(p.onTrackRatio)}.`,
        `${s('needs_acceleration')}: ${d(p.needsAccelerationRatio)} ≤ R < ${d(p.onTrackRatio)}.`,
        `${s('limited_progress')}: 0 ≤ R < ${d(p.needsAccelerationRatio)}.`,
        `${s('deterioration')}: R < 0.`,
        `${s('insufficient_data')}: færre end to sammenlignelige målinger, eller målinger kun på hver sin side af et databrud: vi sammenligner aldrig hen over et brud. Et brud efter udgangspunktet giver ingen status, også når målingerne før bruddet kan sammenlignes: en status for dem ville stoppe ved bruddet og blive læst som en vurdering af den nyeste måling. Et nyt udgangspunkt i den nye serie (en revision af måltallet) giver igen en status.`,
      ],
    },
    {
      id: 'status-no-target',
      title: 'Uden et talfæstet mål',
      paragraphs: [
        `Uden et talfæstet mål bruges den årlige ændring i den ønskede retning: mindst ${pct(p.noTargetOnTrackCagr)} om året er ${s('on_track').toLowerCase()}, ${pct(p.noTargetNeedsAccelerationCagr)}–${pct(p.noTargetOnTrackCagr)} skal accelereres, 0–${pct(p.noTargetNeedsAccelerationCagr)} er begrænset fremgang, og under 0 er forværring.`,
      ],
    },
    {
      id: 'uncertainty',
      title: 'Usikkerhed',
      paragraphs: [
        `Tal fra spørgeskemaer har en statistisk usikkerhed. Vi beregner også R med den seneste værdi i hver ende af dens 95 %-konfidensinterval, hvilket giver et spænd af statusser. Når ændringen siden udgangspunktet ikke er statistisk signifikant, eller når den er, men spændet rummer mere end én status, begynder overskriften med usikkerheden og nævner kun spændet, fx »${uncertainExample}«, i en neutral farve – på måltallets side, forsiden, mål- og branchesiderne, i API'ets tekstfelter og i kommandolinjen. Den siger aldrig "på rette vej" eller at målet nås, når tallene ikke kan vise det.`,
        `Har en måling hverken konfidensinterval eller antal, kan ændringen slet ikke testes. Overskriften begynder da med »${untested}« og giver kun status som det, tallene alene viser; den vises heller ikke som sikker.`,
        'Andele har Wilson-intervaller; rater (ulykker pr. beskæftigede) har eksakte Poisson-intervaller under 10 hændelser og Byar-intervaller fra 10; ændringer i en andel testes med Newcombes metode, ændringer i en rate med den eksakte rate ratio.',
      ],
    },
    {
      id: 'projection',
      title: 'Fremskrivninger',
      paragraphs: [
        'Til målåret forlænger vi den årlige ændring fra udgangspunktet til den seneste værdi: hvad værdien vil være, hvis udviklingen fortsætter. Intervallet er samme fremskrivning med den seneste værdi i hver ende af dens konfidensinterval (den årlige ændring fra udgangspunktet til grænsen, ført frem); det rummer kun usikkerheden på den seneste værdi, ikke på udgangspunktet eller fremtiden. Vi siger kun, at målet vil blive nået, når status er sikker og hele intervallet når målet; ved en usikker status kan tallene ikke afgøre det.',
        'Med tre eller flere målinger tilpasser vi også en log-lineær trend, vægtet efter hvor præcis hver måling er. Begge vises; ingen af dem er en prognose.',
      ],
    },
    {
      id: 'suppression',
      title: 'Små tal skjules',
      paragraphs: [
        `Antal fra 1 til ${a.suppression.minCount - 1} offentliggøres ikke, og heller ikke rater eller intervaller bygget på dem. Andre celler skjules også, indtil intet skjult tal kan regnes ud ved at trække offentliggjorte tal fra en offentliggjort total – uanset hvordan tallene grupperes eller afgrænses: de skjulte celler under en offentliggjort total er altid mindst ${a.suppression.protectionWidth} tilsammen. Hvert år er sin egen tabel; en sum over flere år offentliggøres kun, når hvert års tal er offentliggjort.`,
        'Et offentliggjort svar siger, at et tal er skjult, men aldrig hvorfor. Tabt arbejdsudbud offentliggøres kun som fraværsdage i alt og fuldtidsår: opdelingen i oplyste og skønnede dage ville sammen med alvorlighedsgradernes midtpunkter afsløre skjulte antal.',
        `En diskretionskontrol (som i τ-ARGUS og sdcTable) tager alt, hvad der er offentliggjort for et år, og beregner med lineær programmering det snævreste interval, hvert skjult antal kan indkredses til ud fra alle offentliggjorte tal på én gang. Et antal består kontrollen, når intervallet er mindst ${a.suppression.protectionWidth} bredt – bredere end hele båndet af skjulte små antal. Det garanterer kontrollen: ingen kombination af at lægge offentliggjorte antal, rater og intervaller sammen eller trække dem fra indkredser et antal, der har bestået, yderligere.`,
        `Det dækker den ikke: hvad en læser ved andetsteds fra (fx om en ulykke, vedkommende selv var med i), og de grænser, offentliggjorte fraværsdage sætter for antal. Består et antal ikke, skjules flere celler, indtil alle består, og året offentliggøres med det mønster; når der kommer nye tal, sker det igen, og indtil det er færdigt, offentliggøres året alene efter reglerne ovenfor. Hvert svar siger, om dets år har bestået kontrollen.`,
        a.suppression.exemptFatal
          ? 'Dødsulykker offentliggøres af Arbejdstilsynet enkeltvis; deres antal er derfor undtaget fra diskretionen.'
          : '',
        `Celler fra spørgeskemaer med færre end ${minRespondents} svarpersoner offentliggøres ikke, og ingen status beregnes ud fra dem; måltallets forklaring nævner de udeladte år.`,
      ].filter((text) => text !== ''),
    },
    {
      id: 'accidents',
      title: 'Arbejdsulykker',
      paragraphs: [
        'Incidensen er anmeldte ulykker pr. 10.000 beskæftigede (dødsulykker pr. 100.000). Anmeldte ulykker tælles efter registreringsåret, dødsulykker efter det år, de skete; begge opgørelser kan vælges, og hvert tal siger, hvilken det bruger.',
        'Den standardiserede incidens vægter hver branchegruppe med dens gennemsnitlige beskæftigelse i perioden, så år og grupper med forskellig branchesammensætning kan sammenlignes.',
        `Tabt arbejdsudbud er fraværsdage divideret med ${formatNumber(a.labourLoss.workingDaysPerYear, locale)} arbejdsdage pr. fuldtidsår; ulykker uden oplyst fravær tæller med midtpunktet af deres alvorlighedsgrad.`,
        'Kemiske påvirkninger er ulykker med ESAW-koderne for kemiske ætsninger og akutte forgiftninger, kontakt med farlige stoffer (indånding, hud og øjne, indtagelse) eller ætsende og giftige stoffer som materiel agens.',
      ],
    },
    {
      id: 'sources',
      title: 'Kilder, databrud og opgørelser',
      paragraphs: [
        'Spørgeskemamål: Arbejdsmiljø og Helbred i Danmark (NFA) 2012–2018 og fra 2021 National Overvågning af Arbejdsmiljøet blandt Lønmodtagere (NOA-L, Arbejdstilsynet). De to måler forskelligt: 2021 begynder en ny serie, og ingen status sammenligner hen over bruddet.',
        ...a.seriesNotes.map((note) => note.da),
        'Beskæftigelsen fordelt på branchegruppe, alder og køn er nævneren i alle rater.',
      ],
    },
  ];
}

/** The terms the target pages' "why this status?" links to, each with an anchor of its own. */
function Glossary({ locale }: { locale: Locale }) {
  return (
    <section id="ordliste" aria-labelledby="ordliste-title">
      <h2 id="ordliste-title">{GLOSSARY_TITLE[locale]}</h2>
      <dl class="maaltal-glossary">
        {GLOSSARY.map((entry) => (
          <>
            <dt id={entry.id}>{entry.term[locale]}</dt>
            <dd>{entry.definition[locale]}</dd>
          </>
        ))}
      </dl>
    </section>
  );
}

/** `survey` is the shipped survey settings; a test may give others and see the text follow. */
export function methodPageRoutes(store: Store, survey: SurveySettings = DEFAULT_SURVEY_SETTINGS): Hono {
  const app = new Hono();
  for (const locale of ['da', 'en'] as const) {
    app.get(locale === 'en' ? '/en/metode' : '/metode', requires('public'), async (c) => {
      const t = MESSAGES[locale];
      const demo = await holdsDemoData(store.db);
      const content = sections(locale, survey);
      return c.html(
        <Layout locale={locale} path={c.req.path} title={t.methodTitle} demo={demo}>
          <h1>{t.methodTitle}</h1>
          <p class="font-lead">{t.methodIntro}</p>
          <nav aria-label={t.methodContents}>
            <ul>
              {content.map((section) => (
                <li>
                  <a href={`#${section.id}`}>{section.title}</a>
                </li>
              ))}
              <li>
                <a href="#ordliste">{GLOSSARY_TITLE[locale]}</a>
              </li>
            </ul>
          </nav>
          {content.map((section) => (
            <section id={section.id} aria-labelledby={`${section.id}-title`}>
              <h2 id={`${section.id}-title`}>{section.title}</h2>
              {section.paragraphs.map((paragraph) => (
                <p>{paragraph}</p>
              ))}
              {section.list === undefined ? null : (
                <ul>
                  {section.list.map((item) => (
                    <li>{item}</li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <Glossary locale={locale} />
        </Layout>,
      );
    });
  }
  return app;
}
