#!/usr/bin/python3
"""Prints a vector layer as GDAL/OGR reads it, as JSON: feature count, field names, EPSG code, and per feature its
attributes (decoded by GDAL: .cpg / LDID for shapefiles), geometry type and planar area. The reference the export
tests compare with.  usage: ogr_dump.py FILE [LAYER]"""
import json
import sys

from osgeo import ogr, osr

ogr.UseExceptions()
ds = ogr.Open(sys.argv[1])
layer = ds.GetLayerByName(sys.argv[2]) if len(sys.argv) > 2 else ds.GetLayer(0)
defn = layer.GetLayerDefn()
fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
srs = layer.GetSpatialRef()
epsg = None
if srs is not None:
    srs.AutoIdentifyEPSG()
    epsg = srs.GetAuthorityCode(None)
out = {"count": layer.GetFeatureCount(), "fields": fields, "epsg": epsg, "layers": [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())], "features": []}
for f in layer:
    g = f.GetGeometryRef()
    out["features"].append({
        "props": {n: f.GetField(n) for n in fields},
        "type": g.GetGeometryName() if g is not None else None,
        "area": g.GetArea() if g is not None else None,
        "envelope": list(g.GetEnvelope()) if g is not None else None,
    })
print(json.dumps(out, ensure_ascii=False))
