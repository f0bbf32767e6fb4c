import { nodeApp } from '../../tsup.node-app';

export default nodeApp(['src/index.ts']);
