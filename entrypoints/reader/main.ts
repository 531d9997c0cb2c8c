import termIndex from 'virtual:termlight/term-index';
import nearWords from 'virtual:termlight/near-words';
import 'pdfjs-dist/web/pdf_viewer.css';
import '../../src/page/highlights.css';
import '../../src/reader/reader.css';
import { CompactTermIndex } from '../../src/match/index-format';
import { startReader } from '../../src/reader/app';

// An extension page: the near-English words (misspelling checks) come with the rest of the index.
void startReader(new CompactTermIndex({ ...termIndex, near: nearWords }));
