import { huangZhenRecord } from '../documents.pages.fixtures.ts';

/** A record whose three texts hold the words the tests look for, in known numbers. */
export const hitsRecord = () =>
  huangZhenRecord({
    externalId: 'fixture/hits',
    assets: [
      {
        kind: 'translation',
        language: 'en',
        translator: 'Example Translation Agency',
        html:
          '<h1>Minutes</h1><p><span class="speaker">Huang:</span> We have received the <em>statement</em> of the Soviet Government.</p>' +
          '<p><span class="speaker">Mesyatsev:</span> The statements concern residents of Xinjiang &amp; the border crossings.</p>' +
          '<p id="closing">Huang: We will study this statement.</p>',
      },
      {
        kind: 'transcript',
        language: 'zh',
        html: '<h1>谈话记录</h1><p>黄：我们收到了苏联政府的声明。</p><p>这个声 明涉及新疆居民。</p>',
      },
      {
        kind: 'translation',
        language: 'ru',
        html: '<p>Хрущёв передал заявление; о Хрущеве говорили.</p>',
      },
    ],
  });
