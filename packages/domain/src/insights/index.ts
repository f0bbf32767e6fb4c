// Results that learn (issue 12): realised impact, calibration, calibrated ROI, P&L and funnel, pure functions.
export * from './calibrate';
export * from './calibrated-roi';
export * from './calibration';
export * from './compute-insights';
export * from './funnel';
export * from './funnel-volumes';
export * from './gain-over-time';
export * from './insights-summary';
export * from './measured-lift';
export * from './outcome';
export * from './pnl';
export * from './realised-impact';
export * from './shrinkage';
export * from './stored-insights';
export * from './win-rate';
