import { nodeApp } from '../../tsup.node-app';

export default nodeApp(['src/main.ts', 'src/prepare.ts', 'src/prepare-info.ts']);
