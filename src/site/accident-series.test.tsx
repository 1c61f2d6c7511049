// The yearly accident chart of the overview and the branch pages, rendered on its own: its title with the period,
// the COVID-19 years drawn and noted, the country as a reference beside a branch, one value said as one value,
// both widths, and the chart's own downloads.
import { describe, expect, it } from 'vitest';
import type { AccidentObservation } from '../accidents/series.js';
import type { Locale } from '../format.js';
import { AccidentSeriesFigure } from './accident-series.js';

const observation = (year: number, value: number): AccidentObservation => ({
  year,
  value,
  lowercl: value - 1,
  uppercl: value + 1,
  count: Math.round(value * 10),
  denominator: 100_000,
});
const years = Array.from({ length: 14 }, (_, i) => 2012 + i);
const branch = years.map((year, i) => observation(year, 60 + i));
const national = years.map((year) => observation(year, 50));

const render = (
  locale: Locale,
  series: AccidentObservation[],
  more: { national?: AccidentObservation[] } = {},
) =>
  String(
    <AccidentSeriesFigure
      locale={locale}
      series={series}
      title={
        locale === 'da' ? 'Anmeldte arbejdsulykker: Slagterier' : 'Reported work accidents: Slaughterhouses'
      }
      id="branch-accidents"
      query="branch=slagterier&groupBy=year"
      {...more}
    />,
  );

const caption = (html: string) =>
  /<figcaption id="branch-accidents">([\s\S]*?)<\/figcaption>/.exec(html)?.[1] ?? '';
const wide = (html: string) => /<div class="maaltal-chart-wide">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';

describe('the yearly accident chart', () => {
  it('names its period in its title, visibly and as the chart’s name', () => {
    const html = render('da', branch);
    expect(html).toContain(
      '<h3 class="maaltal-chart-title">Anmeldte arbejdsulykker: Slagterier, 2012–2025</h3>',
    );
    expect(html).toContain('aria-label="Anmeldte arbejdsulykker: Slagterier, 2012–2025"');
  });

  it('marks the COVID-19 years on the chart, lists the note under it and in the table', () => {
    for (const [locale, note, yearNote] of [
      ['da', '2020–2022 omfatter COVID-19-smitter', 'Omfatter anmeldte COVID-19-smitter'],
      ['en', '2020–2022 include COVID-19 infections', 'Includes reported COVID-19 infections'],
    ] as const) {
      const html = render(locale, branch);
      expect(wide(html)).toMatch(/<text[^>]*>COVID-19<\/text>/);
      expect(caption(html)).toContain(note);
      const row = /<tr><th scope="row">2021<\/th>[\s\S]*?<\/tr>/.exec(html)?.[0] ?? '';
      expect(row).toContain(yearNote);
    }
    const later = render('da', branch.slice(-2));
    expect(wide(later)).not.toContain('COVID-19');
  });

  it('draws the country beside a branch group, in the table too', () => {
    const html = render('da', branch, { national });
    expect(wide(html)).toMatch(/<text[^>]*>Hele landet<\/text>/);
    expect(html).toContain('Hele landet, pr. 10.000');
    const english = render('en', branch, { national });
    expect(wide(english)).toMatch(/<text[^>]*>All of Denmark<\/text>/);
  });

  it('says the one value of a one-year series', () => {
    expect(caption(render('da', [observation(2024, 12.3)]))).toContain('I 2024: 12,3.');
    expect(caption(render('da', [observation(2024, 12.3)]))).not.toMatch(/Fra .* til /);
    expect(caption(render('en', [observation(2024, 12.3)]))).toContain('In 2024: 12.3.');
  });

  it('is drawn at both widths and offers the chart as SVG and PNG', () => {
    const html = render('da', branch);
    expect(html).toMatch(/<div class="maaltal-chart-wide"><svg[^>]*width="760"/);
    expect(html).toMatch(/<div class="maaltal-chart-narrow"><svg[^>]*width="340"/);
    expect(html).toContain(
      'href="/ulykker?branch=slagterier&amp;groupBy=year&amp;convention=registration&amp;format=svg"',
    );
    expect(render('en', branch)).toContain(
      'href="/en/ulykker?branch=slagterier&amp;groupBy=year&amp;convention=registration&amp;format=png"',
    );
  });
});
