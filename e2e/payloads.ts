// Hostile strings for the attack matrix: markup and script that set a flag in the page if they are
// ever parsed or followed, text that plays with direction and invisible characters, ids that fail
// each system's format; and the checks that none of it ran or reached our shadow roots.
import { expect, type Page } from '@playwright/test';

/** Set on the page's window by any payload that runs. */
const FLAG = 'pwned';

export const payloads = {
  /** Runs when parsed as HTML. */
  img: `<img src=x onerror="window.${FLAG}='img'">`,
  /** Breaks out of an attribute, then runs. */
  breakout: `"><script>window.${FLAG}='script'</script><svg onload="window.${FLAG}='svg'">`,
  /** Runs when followed. */
  link: `javascript:window.${FLAG}='link'`,
  /** Right-to-left override, zero-width space and joiner, byte-order mark. */
  bidi: '\u202eINV-0041\u202c\u200b\u200d\ufeff',
  long: 'A'.repeat(20_000),
};

/** As a host shows untrusted text: escaped, so the payload reaches the page as characters. */
export const asText = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Ids as a hostile or broken page could show them, each failing the format its system's ids have. */
export function brokenIds(valid: string): string[] {
  return [
    `${valid}${payloads.img}`,
    `${valid}${payloads.breakout}`,
    payloads.link,
    `\u202e${valid}`,
    `${valid.slice(0, 6)}\u200b${valid.slice(6)}`,
    valid.replace(/[0-9a-f]/, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)), // a fullwidth look-alike
    valid.repeat(400),
  ];
}

/**
 * Elements a payload could have become, in our shadow roots (or, on an extension's own page,
 * anywhere in it): images, frames, inline scripts, event handler attributes.
 */
function injectedElements(page: Page, where: 'our-shadow-roots' | 'whole-page'): Promise<string[]> {
  return page.evaluate((where) => {
    const roots: (Document | ShadowRoot)[] =
      where === 'whole-page'
        ? [document]
        : [...document.querySelectorAll('[data-erp-sync-cell] > span, [data-erp-sync-hint]')].flatMap((holder) => (holder.shadowRoot ? [holder.shadowRoot] : []));
    return roots
      .flatMap((root) => [...root.querySelectorAll('*')])
      .filter(
        (element) =>
          ['IMG', 'IFRAME', 'OBJECT', 'EMBED'].includes(element.tagName) ||
          (element.tagName === 'SCRIPT' && !element.hasAttribute('src')) ||
          [...element.attributes].some((attribute) => attribute.name.startsWith('on')),
      )
      .map((element) => element.outerHTML.slice(0, 200));
  }, where);
}

/**
 * In a host page: no payload ran and none became an element in our shadow roots. The check can
 * see one: the same markup, parsed at the end, does set the flag.
 */
export async function expectNoPayloadRan(page: Page) {
  expect(await page.evaluate((flag) => (window as any)[flag] ?? null, FLAG)).toBeNull();
  expect(await injectedElements(page, 'our-shadow-roots')).toEqual([]);
  await page.evaluate((markup) => document.body.insertAdjacentHTML('beforeend', markup), payloads.img);
  await expect.poll(() => page.evaluate((flag) => (window as any)[flag] ?? null, FLAG)).toBe('img');
}

/** In one of the extension's pages: no payload became an element (its policy would stop a script). */
export async function expectNoMarkupIn(page: Page) {
  expect(await injectedElements(page, 'whole-page')).toEqual([]);
}
