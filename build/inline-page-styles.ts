import type { OutputAsset, OutputBundle, PluginContext } from 'rollup';
import type { Plugin } from 'vite';

/** A stylesheet link as Vite writes it into a built page: `<link rel="stylesheet" … href="/…">`. */
const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/**
 * Writes each extension page's stylesheets into the page itself. A `chrome-extension://` file
 * is fetched through the browser process, which is busy opening the page at that moment, and a
 * page's module scripts wait for its stylesheets: the popup's three stylesheet requests held its
 * first render back by ~20 ms (bench, popup opened). The extension pages' policy restricts
 * scripts only, so an inline `<style>` is allowed; files no longer linked from anywhere are
 * dropped from the build.
 */
export function inlinePageStyles(): Plugin {
  return {
    name: 'alliance-map:inline-page-styles',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      const inlined = new Set<string>();
      for (const page of Object.values(bundle)) {
        if (page.type !== 'asset' || !page.fileName.endsWith('.html')) continue;
        page.source = String(page.source).replace(STYLESHEET_LINK, (_tag, fileName: string) => {
          const css = styleSource(this, bundle, fileName);
          inlined.add(fileName);
          return `<style>${css}</style>`;
        });
      }
      for (const fileName of inlined) {
        if (!stillReferenced(bundle, fileName)) delete bundle[fileName];
      }
    },
  };
}

function styleSource(context: PluginContext, bundle: OutputBundle, fileName: string): string {
  const file = bundle[fileName];
  if (file?.type !== 'asset') context.error(`Stylesheet ${fileName} is not in the build.`);
  const css = String((file as OutputAsset).source);
  // A `</style` in the text would end the element early and leave the rest as markup.
  if (/<\/style/i.test(css)) context.error(`Stylesheet ${fileName} contains "</style".`);
  return css;
}

/** Whether any script or page of the build still names the file (a lazily loaded chunk's CSS). */
function stillReferenced(bundle: OutputBundle, fileName: string): boolean {
  return Object.values(bundle).some((file) =>
    file.type === 'chunk' ? file.code.includes(fileName) : String(file.source).includes(fileName),
  );
}
