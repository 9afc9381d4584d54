// Lets the Comments page tell the menu's pending badge that the queue changed.
const EVENT = 'cited-articles:comments-changed';

export const announceCommentsChanged = () => window.dispatchEvent(new Event(EVENT));

export const onCommentsChanged = (listener: () => void) => {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
};
