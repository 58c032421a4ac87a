/** A nominal type: a string or number that the compiler keeps apart from others of its kind. */
export type Brand<T, Name extends string> = T & { readonly __brand: Name };
