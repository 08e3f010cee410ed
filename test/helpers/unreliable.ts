/**
 * The same object, whose every method rejects as an unreachable database would while `isDown()` holds:
 * wrap a store repository in a test's `wrapStore` to put a fault between the services and the store.
 */
export function failingWhile<T extends object>(target: T, isDown: () => boolean): T {
  return new Proxy(target, {
    get: (inner, property, receiver) => {
      const value = Reflect.get(inner, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => (isDown() ? Promise.reject(new Error('connect ECONNREFUSED 10.0.0.5:27017')) : (value as (...a: unknown[]) => unknown).apply(inner, args));
    },
  });
}
