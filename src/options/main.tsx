import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { OptionsApp } from './OptionsApp';
import { indexedDbStore } from '../storage/custom-articles';
import { parseArticle } from '../core/article/parse-article';
import { PRESET_SITES } from '../core/preset-sites';

render(
  <OptionsApp store={indexedDbStore()} parse={parseArticle} presetSites={PRESET_SITES} />,
  document.getElementById('app')!,
);
