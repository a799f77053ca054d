import { startGame } from './game/main';

startGame('game');
