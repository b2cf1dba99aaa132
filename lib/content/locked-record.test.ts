import { describe, expect, it } from 'vitest';
import { changingControls } from './locked-record';

describe("a locked record's page", () => {
  it('finds the controls that change or remove the record, and every field of its edit form', () => {
    document.body.innerHTML = `
      <a href="edit">Edit</a><button>Delete</button><button aria-label="Save changes">✓</button><button>Print</button>
      <a href="/related">Related items</a><input type="submit" value="Update">
      <form><input name="amount"><textarea name="note"></textarea><select name="code"></select></form>`;
    const named = (elements: HTMLElement[]) => elements.map((e) => e.getAttribute('name') || e.getAttribute('aria-label') || e.textContent || (e as HTMLInputElement).value);
    expect(named(changingControls(document, false))).toEqual(['Edit', 'Delete', 'Save changes', 'Update']);
    expect(named(changingControls(document, true))).toEqual(['Edit', 'Delete', 'Save changes', 'Update', 'amount', 'note', 'code']);
  });

  it("leaves the site's header, menus and search alone, and looks in the main content when there is one", () => {
    document.body.innerHTML = `
      <header><button>Edit profile</button><form role="search"><input type="search"><button>Submit</button></form></header>
      <nav><a href="/x">Delete account</a></nav>
      <main><a href="edit">Edit</a><form><input name="amount"></form><form><input type="search" name="q"></form></main>
      <aside><button>Remove filter</button></aside>`;
    const named = (elements: HTMLElement[]) => elements.map((e) => e.getAttribute('name') || e.textContent);
    expect(named(changingControls(document, true))).toEqual(['Edit', 'amount']);
  });
});
