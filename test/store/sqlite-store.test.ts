import { openStore } from '../../src/store/store.js';
import { storeContract } from './contract.js';

storeContract('sqlite', (file, options) => openStore(file, options));
