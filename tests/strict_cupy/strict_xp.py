"""A strict test double of CuPy: NumPy underneath, failing wherever CuPy would.

The engine takes its array module from `playground/engine/backend.py`; registered there as the
backend "strict" (see `use_strict_backend`), this module stands in for `cupy`. Its arrays are
`DeviceArray`s: each wraps a NumPy array that only this module touches, as a GPU array's memory
is out of the host's reach. What CuPy refuses, the double refuses, and it is stricter where CuPy's
leniency would cost a GPU dearly:

- no implicit conversion to NumPy: `numpy.asarray`, `numpy.array` and `__array__` raise, and so do
  `float()`, `int()`, `bool()`, `operator.index()` and formatting a device array (each a silent
  synchronization of the GPU in CuPy): the data cross only through `asnumpy`, `.get()`, `.item()`
  and `.tolist()`, and those crossings are counted (`TRANSFERS`);
- no `numpy.*` function or ufunc applied to a device array;
- no host array mixed with device arrays in one operation (scalars are fine, as in CuPy), and no
  host array assigned into a device array (CuPy's `fill` refuses it);
- the random generator has CuPy's API: `bit_generator.state` is a method (a pointer to the state
  on the device), and assigning it raises rather than silently restoring nothing; the state itself
  is a device array that the draws read and advance, as cuRAND's is;
- the device has its own memory (`cuda.Device().mem_info`), set by the tests (`DEVICE_MEMORY`).
"""

from __future__ import annotations

import operator
from collections import Counter
from types import ModuleType
from typing import Any

import numpy

TRANSFERS: Counter = Counter()  # "to_host" and "to_device": every explicit crossing, counted
DEVICE_MEMORY = {"free": 8 * 2**30, "total": 16 * 2**30}  # what cuda.Device().mem_info reports


class ImplicitTransfer(TypeError):
    """What CuPy refuses, or does only by synchronizing the GPU behind the caller's back."""


def _implicit(what: str) -> ImplicitTransfer:
    return ImplicitTransfer(f"{what} of a device array: CuPy refuses it or synchronizes the GPU to do it; "
                            "move the value to the host explicitly (Backend.to_numpy, Backend.scalars)")


def _mixed(value: Any) -> TypeError:
    return TypeError(f"Unsupported type {type(value)}: a host array mixed with device arrays in one operation "
                     "(CuPy refuses it); move it to the device first (xp.asarray)")


_SCALARS = (bool, int, float, complex, numpy.generic)


def _wrap(value: Any) -> Any:
    """NumPy's results as the device's: arrays and NumPy scalars become device arrays (CuPy's reductions
    and indexing give 0-d arrays, never host scalars)."""
    if isinstance(value, numpy.ndarray):
        return DeviceArray(value)
    if isinstance(value, numpy.generic):
        return DeviceArray(numpy.asarray(value))
    if isinstance(value, tuple):
        return tuple(_wrap(item) for item in value)
    return value


def _operand(value: Any) -> Any:
    """A value one operation may take beside device arrays: a device array or a scalar."""
    if isinstance(value, DeviceArray):
        return value._data
    if isinstance(value, _SCALARS):
        return value
    raise _mixed(value)


def _argument(value: Any) -> Any:
    """A function's argument unwrapped: device arrays (also inside lists and tuples) to their NumPy data;
    shapes, dtypes, axes and scalars as they are; host arrays refused."""
    if isinstance(value, DeviceArray):
        return value._data
    if isinstance(value, numpy.ndarray):
        raise _mixed(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_argument(item) for item in value)
    return value


def _index(key: Any) -> Any:
    """An index: device arrays unwrapped; host integer arrays are allowed, as CuPy copies them over."""
    if isinstance(key, tuple):
        return tuple(_index(item) for item in key)
    if isinstance(key, DeviceArray):
        return key._data
    if isinstance(key, (numpy.ndarray, list)):
        TRANSFERS["to_device"] += 1
        return numpy.asarray(key)
    return key


def _device_function(function: Any) -> Any:
    def on_device(*args: Any, **kwargs: Any) -> Any:
        return _wrap(function(*(_argument(a) for a in args), **{k: _argument(v) for k, v in kwargs.items()}))

    on_device.__name__ = getattr(function, "__name__", "function")
    return on_device


def _binary(operation: Any, reflected: bool = False) -> Any:
    if reflected:
        return lambda self, other: _wrap(operation(_operand(other), self._data))
    return lambda self, other: _wrap(operation(self._data, _operand(other)))


def _in_place(operation: Any) -> Any:
    def apply(self: DeviceArray, other: Any) -> DeviceArray:
        operation(self._data, _operand(other))
        return self

    return apply


# The methods and attributes of cupy.ndarray that the double offers (NumPy's, on the device).
_METHODS = {"all", "any", "argmax", "argmin", "astype", "clip", "copy", "cumsum", "dot", "fill", "flatten", "max",
            "mean", "min", "nonzero", "prod", "ravel", "repeat", "reshape", "round", "squeeze", "std", "sum",
            "swapaxes", "take", "transpose", "var", "view", "argsort", "sort", "diagonal", "trace", "conj"}
_ATTRIBUTES = {"shape", "dtype", "size", "ndim", "strides", "itemsize", "nbytes", "flags"}


class DeviceArray:
    """An array in the device's memory: operations stay on the device, values reach the host only when
    asked for explicitly."""

    __slots__ = ("_data",)
    # NumPy's ufuncs refuse device arrays; an operator with a NumPy scalar on its left comes to the
    # reflected method below, which computes on the device as CuPy does.
    __array_ufunc__ = None
    __hash__ = None  # type: ignore[assignment]

    def __init__(self, data: numpy.ndarray) -> None:
        self._data = data

    def __getattr__(self, name: str) -> Any:
        if name in _METHODS:
            return _device_function(getattr(self._data, name))
        if name in _ATTRIBUTES:
            return getattr(self._data, name)
        raise AttributeError(f"the strict CuPy double's arrays have no {name!r}")

    @property
    def T(self) -> DeviceArray:  # noqa: N802 (NumPy's name)
        return DeviceArray(self._data.T)

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        return f"DeviceArray(shape={self._data.shape}, dtype={self._data.dtype})"

    # Explicit transfers to the host, counted.

    def get(self) -> numpy.ndarray:
        TRANSFERS["to_host"] += 1
        return self._data.copy()

    def item(self) -> Any:
        TRANSFERS["to_host"] += 1
        return self._data.item()

    def tolist(self) -> Any:
        TRANSFERS["to_host"] += 1
        return self._data.tolist()

    # Implicit ones, refused.

    def __array__(self, dtype: Any = None, copy: Any = None) -> numpy.ndarray:
        raise _implicit("numpy.asarray() or numpy.array()")

    def __array_function__(self, function: Any, types: Any, args: Any, kwargs: Any) -> Any:
        raise TypeError(f"numpy.{function.__name__} applied to a device array: use the backend's array module")

    def __float__(self) -> float:
        raise _implicit("float()")

    def __int__(self) -> int:
        raise _implicit("int()")

    def __complex__(self) -> complex:
        raise _implicit("complex()")

    def __index__(self) -> int:
        raise _implicit("operator.index()")

    def __bool__(self) -> bool:
        raise _implicit("bool() (an if, and, or not)")

    def __format__(self, spec: str) -> str:
        raise _implicit("formatting")

    # Indexing: views stay on the device.

    def __getitem__(self, key: Any) -> Any:
        index = _index(key)
        value = self._data[index]
        if isinstance(value, numpy.generic):  # one element: CuPy gives a 0-d view of it, not a copy
            value = self._data[(*index, ...) if isinstance(index, tuple) else (index, ...)]
        return _wrap(value)

    def __setitem__(self, key: Any, value: Any) -> None:
        if isinstance(value, numpy.ndarray) and value.ndim > 0:
            raise ValueError("non-scalar numpy.ndarray cannot be used for fill (CuPy's words): move it to the "
                             "device first (xp.asarray)")
        self._data[_index(key)] = _operand(value)

    # Arithmetic, with device arrays and scalars only.

    __add__, __radd__, __iadd__ = _binary(operator.add), _binary(operator.add, True), _in_place(operator.iadd)
    __sub__, __rsub__, __isub__ = _binary(operator.sub), _binary(operator.sub, True), _in_place(operator.isub)
    __mul__, __rmul__, __imul__ = _binary(operator.mul), _binary(operator.mul, True), _in_place(operator.imul)
    __truediv__, __rtruediv__ = _binary(operator.truediv), _binary(operator.truediv, True)
    __itruediv__ = _in_place(operator.itruediv)
    __floordiv__, __rfloordiv__ = _binary(operator.floordiv), _binary(operator.floordiv, True)
    __mod__, __rmod__ = _binary(operator.mod), _binary(operator.mod, True)
    __pow__, __rpow__ = _binary(operator.pow), _binary(operator.pow, True)
    __matmul__, __rmatmul__ = _binary(operator.matmul), _binary(operator.matmul, True)
    __and__, __rand__ = _binary(operator.and_), _binary(operator.and_, True)
    __or__, __ror__ = _binary(operator.or_), _binary(operator.or_, True)
    __xor__, __rxor__ = _binary(operator.xor), _binary(operator.xor, True)
    __eq__, __ne__ = _binary(operator.eq), _binary(operator.ne)  # type: ignore[assignment]
    __lt__, __le__ = _binary(operator.lt), _binary(operator.le)
    __gt__, __ge__ = _binary(operator.gt), _binary(operator.ge)

    def __neg__(self) -> DeviceArray:
        return _wrap(-self._data)

    def __pos__(self) -> DeviceArray:
        return _wrap(+self._data)

    def __abs__(self) -> DeviceArray:
        return _wrap(abs(self._data))

    def __invert__(self) -> DeviceArray:
        return _wrap(~self._data)


class _Ufunc:
    """A NumPy ufunc on device arrays: called, or by its methods (reduce, accumulate, ...)."""

    def __init__(self, ufunc: numpy.ufunc) -> None:
        self._ufunc = ufunc
        self.__name__ = ufunc.__name__

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return _device_function(self._ufunc)(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._ufunc, name)
        return _device_function(value) if callable(value) else value


class _Namespace:
    """A NumPy module with its functions on device arrays; dtypes and constants as they are."""

    def __init__(self, module: ModuleType) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._module, name)
        if isinstance(value, numpy.ufunc):
            return _Ufunc(value)
        if isinstance(value, ModuleType):
            return _Namespace(value)
        if isinstance(value, type) or not callable(value):
            return value
        return _device_function(value)


# cupy.random's Generator API.

class XORWOW:
    """CuPy's default bit generator: its state lives on the device, `state()` is a method giving its
    address, and the draws read and advance it. Copying `_state` keeps the generator where it is."""

    __slots__ = ("_state",)

    def __init__(self, seed: int) -> None:
        self._state = DeviceArray(numpy.array([seed % 2**64, 0], dtype=numpy.uint64))

    def state(self) -> int:
        return id(self._state._data)

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "state":
            raise TypeError("bit_generator.state is a method in CuPy (the address of the state on the device): "
                            "assigning it restores nothing")
        object.__setattr__(self, name, value)


class Generator:
    def __init__(self, bit_generator: XORWOW) -> None:
        self.bit_generator = bit_generator

    def random(self, size: Any = None, dtype: Any = numpy.float64) -> DeviceArray:
        state = self.bit_generator._state._data
        draws = numpy.random.default_rng([int(v) for v in state]).random(size, dtype=dtype)
        state[1] += 1
        return DeviceArray(numpy.asarray(draws))


class _Random:
    Generator = Generator
    XORWOW = XORWOW

    @staticmethod
    def default_rng(seed: int | None = None) -> Generator:
        return Generator(XORWOW(0 if seed is None else int(seed)))


# cupy.cuda, as much of it as the engine asks for.

class _Device:
    def __init__(self, device: int = 0) -> None:
        self.id = device

    @property
    def mem_info(self) -> tuple[int, int]:
        return DEVICE_MEMORY["free"], DEVICE_MEMORY["total"]

    def synchronize(self) -> None:
        pass


class _MemoryPool:
    def free_bytes(self) -> int:
        return 0

    def used_bytes(self) -> int:
        return 0


class _Cuda:
    Device = _Device


class StrictCupy(_Namespace):
    """The double of the `cupy` module."""

    ndarray = DeviceArray
    random = _Random()
    cuda = _Cuda()

    def __init__(self) -> None:
        super().__init__(numpy)

    @staticmethod
    def asarray(values: Any, dtype: Any = None) -> DeviceArray:
        """To the device: a host value is copied there (counted); a device array stays as it is."""
        if isinstance(values, DeviceArray):
            return values if dtype is None else DeviceArray(values._data.astype(dtype, copy=False))
        TRANSFERS["to_device"] += 1
        return DeviceArray(numpy.array(values, dtype=dtype, copy=True))

    @staticmethod
    def array(values: Any, dtype: Any = None, copy: bool = True) -> DeviceArray:
        if isinstance(values, DeviceArray):
            return DeviceArray(values._data.astype(dtype or values.dtype, copy=copy))
        return StrictCupy.asarray(values, dtype)

    @staticmethod
    def asnumpy(array: Any) -> numpy.ndarray:
        """The one way to the host, besides an array's get(), item() and tolist(): counted."""
        if isinstance(array, DeviceArray):
            return array.get()
        return numpy.asarray(array)

    @staticmethod
    def is_available() -> bool:
        return True

    @staticmethod
    def get_default_memory_pool() -> _MemoryPool:
        return _MemoryPool()


xp = StrictCupy()
