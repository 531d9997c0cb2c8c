import definitions from 'virtual:termlight/definitions';
import { render } from 'preact';
import '../../src/ui/pages/pages.css';
import { OptionsApp } from '../../src/ui/pages/OptionsApp';

render(<OptionsApp definitions={definitions} />, document.getElementById('app')!);
