import { startGame } from './game/main';
import { markStartup } from './game/startup-marks';

markStartup('modules');
startGame('game');
