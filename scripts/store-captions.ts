/**
 * The store images' captions, in each language a listing is made in (docs/store/README.md): a
 * title and a line per image, and the small promo tile's line. Kept true to the English, as the
 * listing's descriptions are (docs/store/listing-translations.md).
 */

export interface Caption {
  title: string;
  text: string;
}

export interface StoreCaptions {
  /** One per image, in the order of the images (store-images.ts). */
  frames: readonly [Caption, Caption, Caption, Caption];
  /** Beside the icon on the Chrome Web Store's small promo tile. */
  tile: string;
}

export const STORE_CAPTIONS: Readonly<Record<string, StoreCaptions>> = {
  en: {
    frames: [
      {
        title: 'Your private record, next to the name on LinkedIn',
        text: 'Roles, notes and the last touch in a badge LinkedIn’s page cannot read. Tag in two clicks.',
      },
      {
        title: 'The full record follows the tab you are on',
        text: 'Level, influence, stance, motivations, ties, a timeline of touches, follow-ups, and everyone in one list.',
      },
      {
        title: 'A weekly report on how visible your work is',
        text: 'Scores and their trend, the key holders who do not know your work, and next actions naming people.',
      },
      {
        title: 'Everything stays on your computer',
        text: 'Backup and restore, LinkedIn import, delete everything. No account, no server, no tracking.',
      },
    ],
    tile: 'Your private map of allies, mentors and sponsors on LinkedIn',
  },
  de: {
    frames: [
      {
        title: 'Ihr privater Eintrag, direkt neben dem Namen auf LinkedIn',
        text: 'Rollen, Notizen und der letzte Kontakt in einem Abzeichen, das LinkedIns Seite nicht lesen kann. Markieren mit zwei Klicks.',
      },
      {
        title: 'Der vollständige Eintrag folgt dem Tab, in dem Sie sind',
        text: 'Ebene, Einfluss, Haltung, Motive, Verbindungen, ein Verlauf der Kontakte, Nachverfolgungen und alle Personen in einer Liste.',
      },
      {
        title: 'Ein Wochenbericht darüber, wie sichtbar Ihre Arbeit ist',
        text: 'Werte und ihr Verlauf, die Schlüsselpersonen, die Ihre Arbeit nicht kennen, und nächste Schritte mit Namen.',
      },
      {
        title: 'Alles bleibt auf Ihrem Computer',
        text: 'Sicherung und Wiederherstellung, LinkedIn-Import, alles löschen. Kein Konto, kein Server, kein Tracking.',
      },
    ],
    tile: 'Ihre private Karte der Verbündeten, Mentoren und Sponsoren auf LinkedIn',
  },
  fr: {
    frames: [
      {
        title: 'Votre fiche privée, à côté du nom sur LinkedIn',
        text: 'Rôles, notes et dernier contact dans un badge que la page de LinkedIn ne peut pas lire. Étiquetez en deux clics.',
      },
      {
        title: 'La fiche complète suit l’onglet où vous êtes',
        text: 'Niveau, influence, attitude, motivations, liens, historique des contacts, suivis, et tout le monde dans une liste.',
      },
      {
        title: 'Un rapport hebdomadaire sur la visibilité de votre travail',
        text: 'Les scores et leur tendance, les décideurs qui ne connaissent pas votre travail, et des actions qui nomment des personnes.',
      },
      {
        title: 'Tout reste sur votre ordinateur',
        text: 'Sauvegarde et restauration, import LinkedIn, tout effacer. Ni compte, ni serveur, ni pistage.',
      },
    ],
    tile: 'Votre carte privée des alliés, mentors et sponsors sur LinkedIn',
  },
  es: {
    frames: [
      {
        title: 'Tu ficha privada, junto al nombre en LinkedIn',
        text: 'Roles, notas y el último contacto en una insignia que la página de LinkedIn no puede leer. Etiqueta en dos clics.',
      },
      {
        title: 'La ficha completa sigue a la pestaña en la que estás',
        text: 'Nivel, influencia, actitud, motivaciones, vínculos, historial de contactos, seguimientos y todos en una lista.',
      },
      {
        title: 'Un informe semanal de lo visible que es tu trabajo',
        text: 'Las puntuaciones y su tendencia, las personas clave que no conocen tu trabajo y próximas acciones con nombres.',
      },
      {
        title: 'Todo se queda en tu ordenador',
        text: 'Copia de seguridad y restauración, importación de LinkedIn, borrarlo todo. Sin cuenta, sin servidor, sin rastreo.',
      },
    ],
    tile: 'Tu mapa privado de aliados, mentores y patrocinadores en LinkedIn',
  },
  pt_BR: {
    frames: [
      {
        title: 'Sua ficha privada, ao lado do nome no LinkedIn',
        text: 'Papéis, notas e o último contato num selo que a página do LinkedIn não consegue ler. Marque em dois cliques.',
      },
      {
        title: 'A ficha completa acompanha a aba em que você está',
        text: 'Nível, influência, postura, motivações, ligações, histórico de contatos, acompanhamentos e todos numa lista.',
      },
      {
        title: 'Um relatório semanal de quão visível é o seu trabalho',
        text: 'As pontuações e sua tendência, as pessoas-chave que não conhecem seu trabalho e próximas ações com nomes.',
      },
      {
        title: 'Tudo fica no seu computador',
        text: 'Backup e restauração, importação do LinkedIn, apagar tudo. Sem conta, sem servidor, sem rastreamento.',
      },
    ],
    tile: 'Seu mapa privado de aliados, mentores e patrocinadores no LinkedIn',
  },
  ar: {
    frames: [
      {
        title: 'سجلك الخاص، بجانب الاسم على LinkedIn',
        text: 'الأدوار والملاحظات وآخر تواصل في شارة لا تستطيع صفحة LinkedIn قراءتها. ضع الوسم بنقرتين.',
      },
      {
        title: 'السجل الكامل يتبع التبويب الذي أنت فيه',
        text: 'المستوى والتأثير والموقف والدوافع والصلات وسجل التواصل والمتابعات، والجميع في قائمة واحدة.',
      },
      {
        title: 'تقرير أسبوعي عن مدى ظهور عملك',
        text: 'الدرجات واتجاهها، وأصحاب القرار الذين لا يعرفون عملك، وخطوات تالية تسمّي أشخاصًا.',
      },
      {
        title: 'كل شيء يبقى على حاسوبك',
        text: 'نسخ احتياطي واستعادة، استيراد من LinkedIn، حذف كل شيء. لا حساب ولا خادم ولا تتبّع.',
      },
    ],
    tile: 'خريطتك الخاصة للحلفاء والمرشدين والرعاة على LinkedIn',
  },
};
