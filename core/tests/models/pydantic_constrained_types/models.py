"""pydantic constrained types as SQLModel annotations: `condecimal(max_digits, decimal_places)` gives
NUMERIC(p, s) when it is the whole annotation (Field(max_digits=...) wins; inside Optional[...]
pydantic keeps no constraints, so plain NUMERIC); `constr` / `conint` / `confloat` / `conbytes`
are their base types (`constr(max_length=)` gives no length: only Field(max_length=) does)."""

from typing import Optional

from pydantic import condecimal, confloat, conint, constr, conbytes
import pydantic
from sqlmodel import Field, SQLModel


class Con(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    price: condecimal(max_digits=10, decimal_places=2) = Field(default=0)
    price2: Optional[condecimal(max_digits=8, decimal_places=3)] = None
    price3: pydantic.condecimal(max_digits=6, decimal_places=1) = Field(default=0, max_digits=9, decimal_places=4)
    name: constr(max_length=50)
    name2: Optional[constr(min_length=2)] = None
    name3: constr(strip_whitespace=True, max_length=20) = Field(max_length=30)
    n: conint(ge=0) = 0
    f: confloat(ge=0) = 0.0
    b: Optional[conbytes(max_length=10)] = None
