import { nodeApp } from '../../tsup.node-app';

export default nodeApp(['src/main.ts']);
