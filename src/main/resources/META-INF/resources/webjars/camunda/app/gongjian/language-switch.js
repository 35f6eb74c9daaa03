/*
 * Gongjian: a 中文 / English switch for Tasklist, Cockpit, Admin and Welcome that stays.
 *
 * The 7.24 webapps take their language from the browser alone (navigator.languages[0], matched
 * against config.js availableLocales) when Angular starts, and remember nothing. Each app's
 * config.js loads this file as a custom script, which the webapps import before Angular starts;
 * so a language chosen here is put in front of the browser's own, and the app starts in it.
 *
 * The choice is the cookie Gongjian's own pages keep it in (WebConfiguration, gongjian-lang):
 * one choice for the whole application, whichever side it was made on. A cookie and not
 * localStorage, which may be blocked: the webapps cannot work without cookies anyway.
 */
const COOKIE = 'gongjian-lang';
const LANGUAGES = [['zh', '中文', 'zh-CN'], ['en', 'English', 'en']];
const known = (code) => LANGUAGES.some(([c]) => c === code);

function chosen() {
  // Spring writes a language tag (zh-CN, en), perhaps quoted, perhaps followed by a time zone
  const match = document.cookie.match(/(?:^|;\s*)gongjian-lang="?([A-Za-z]+)/);
  const code = match && match[1].toLowerCase();
  return known(code) ? code : null;
}

function choose(code) {
  const tag = LANGUAGES.find(([c]) => c === code)[2];
  document.cookie = `${COOKIE}=${tag}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  // the labels, dates and the router's views are all set up when the app starts: start it again
  window.location.reload();
}

function browserLanguage() {
  const first = (navigator.languages && navigator.languages[0]) || navigator.language || '';
  const code = first.split('-')[0].toLowerCase();
  return known(code) ? code : 'en';
}

const choice = chosen();
if (choice) {
  // own properties shadow Navigator.prototype's getters, for this page only
  Object.defineProperty(navigator, 'languages', {configurable: true, get: () => [choice]});
  Object.defineProperty(navigator, 'language', {configurable: true, get: () => choice});
}
const current = choice || browserLanguage();
document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';

const style = document.createElement('style');
style.textContent = `
#gongjian-language { display: inline-block; margin-left: 12px; }
#gongjian-language button { border: 1px solid #b5bfc6; background: #fff; color: #333; padding: 0 6px;
  font-size: 11px; line-height: 15px; margin-right: 2px; border-radius: 2px; cursor: pointer; }
#gongjian-language button[aria-pressed='true'] { background: #333; color: #fff; border-color: #333; cursor: default; }
`;
document.head.appendChild(style);

const bar = document.createElement('span');
bar.id = 'gongjian-language';
bar.setAttribute('role', 'group');
bar.setAttribute('aria-label', '语言 Language');
bar.setAttribute('ng-non-bindable', '');
for (const [code, name, tag] of LANGUAGES) {
  const button = document.createElement('button');
  button.type = 'button';
  button.lang = tag;
  button.dataset.locale = code;
  button.textContent = name;
  button.setAttribute('aria-pressed', String(code === current));
  button.addEventListener('click', () => {
    if (code !== current) {
      choose(code);
    }
  });
  bar.appendChild(button);
}

// beside the footer's "dates in local time zone": the line every app shows, logged in or not;
// Angular renders the footer after this script has run
function place() {
  const footer = document.getElementById('footer-timezone');
  if (footer && !footer.contains(bar)) {
    footer.appendChild(bar);
  }
  return Boolean(footer);
}
if (!place()) {
  const watch = new MutationObserver(() => place() && watch.disconnect());
  watch.observe(document.documentElement, {childList: true, subtree: true});
}
