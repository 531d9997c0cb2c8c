import termIndex from 'virtual:termlight/term-index';
import heldSections from 'virtual:termlight/held-sections';
import 'pdfjs-dist/web/pdf_viewer.css';
import '../../src/page/highlights.css';
import '../../src/reader/reader.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { startReader } from '../../src/reader/app';

// An extension page: the sections the content script leaves to the background come with the rest.
void startReader(new CompactTermIndex({ ...termIndex, ...heldSections }));
