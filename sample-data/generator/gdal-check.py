#!/usr/bin/python3
"""Reads a generated sample with GDAL/OGR and pyproj (the reference tools) and prints what they see as JSON.

usage: /usr/bin/python3 gdal-check.py sample SAMPLE_DIR     every layer, raster and red line of a sample
       /usr/bin/python3 gdal-check.py dltb PATH.shp          one DLTB layer (a generated county)

The shapefiles are opened exactly as a user's GDAL would open them: no SHAPE_ENCODING option, no .cpg, so the
Chinese attributes decode only if GDAL honours the DBF language-driver byte (0x4D = CP936). Areas are measured
independently of VEP Studio's code: every edge densified to 10 m in the Gauss-Kruger plane, then pyproj.Geod
(Karney) on the CGCS2000 ellipsoid (docs/methods/sandiao-data.md §6.1 Step 0 and its reference check). Overlaps and
gaps are measured with GEOS: the union of all parcels against the sum of their areas.
"""
import json
import math
import os
import sys

from osgeo import gdal, ogr, osr
from pyproj import Geod, Transformer

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")  # statistics must not leave .aux.xml files beside the sample
GEOD = Geod(ellps="GRS80")  # CGCS2000 and GRS80 share a and differ in 1/f by 1e-10: below 1e-6 m² here
TO_LONLAT = Transformer.from_crs(4528, 4490, always_xy=True)


def densified(points, step=10.0):
    out = []
    for (x0, y0), (x1, y1) in zip(points[:-1], points[1:]):
        n = max(1, math.ceil(math.hypot(x1 - x0, y1 - y0) / step))
        out.extend((x0 + (x1 - x0) * k / n, y0 + (y1 - y0) * k / n) for k in range(n))
    out.append(points[-1])
    return out


def polygons(geom):
    if geom.GetGeometryType() in (ogr.wkbMultiPolygon, ogr.wkbMultiPolygon25D):
        return [geom.GetGeometryRef(i) for i in range(geom.GetGeometryCount())]
    return [geom]


def geod_area(geom):
    total = 0.0
    for poly in polygons(geom):
        for r in range(poly.GetGeometryCount()):
            pts = densified([p[:2] for p in poly.GetGeometryRef(r).GetPoints()])
            lon, lat = TO_LONLAT.transform([p[0] for p in pts], [p[1] for p in pts])
            area = abs(GEOD.polygon_area_perimeter(lon, lat)[0])
            total += area if r == 0 else -area
    return total


def epsg_of(srs):
    if srs is None:
        return None
    srs = srs.Clone()
    srs.AutoIdentifyEPSG()
    code = srs.GetAuthorityCode(None)
    return int(code) if code else None


def union_of(geoms):
    multi = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for p in polygons(g):
            multi.AddGeometry(p)
    return multi.UnionCascaded()


def vector_layer(path, area_field=None, keys=()):
    ds = ogr.Open(path)
    layer = ds.GetLayer(0)
    defn = layer.GetLayerDefn()
    out = {
        "count": layer.GetFeatureCount(),
        "epsg": epsg_of(layer.GetSpatialRef()),
        "geometryType": ogr.GeometryTypeToName(layer.GetGeomType()),
        "fields": [
            [defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetTypeName(), defn.GetFieldDefn(i).GetWidth(), defn.GetFieldDefn(i).GetPrecision()]
            for i in range(defn.GetFieldCount())
        ],
    }
    geoms, rows, invalid, holes, multipart = [], [], 0, 0, 0
    max_diff, max_diff_fid = 0.0, None
    for f in layer:
        g = f.GetGeometryRef()
        geoms.append(g.Clone())
        if not g.IsValid():
            invalid += 1
        parts = polygons(g)
        multipart += len(parts) > 1
        holes += any(p.GetGeometryCount() > 1 for p in parts)
        row = {k: f.GetField(k) for k in keys}
        if area_field:
            row["geodArea"] = geod_area(g)
            diff = abs(row["geodArea"] - f.GetField(area_field))
            if diff > max_diff:
                max_diff, max_diff_fid = diff, f.GetFID()
        rows.append(row)
    union = union_of(geoms)
    out.update(
        invalid=invalid,
        withHoles=holes,
        multipart=multipart,
        rows=rows,
        maxAreaDiff=max_diff,
        maxAreaDiffFid=max_diff_fid,
        sumPlanar=sum(g.GetArea() for g in geoms),
        unionPlanar=union.GetArea(),
        unionGeodArea=geod_area(union),
        unionParts=len(polygons(union)),
        unionHoles=sum(p.GetGeometryCount() - 1 for p in polygons(union)),
    )
    return out


def raster(path):
    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    stats = band.ComputeStatistics(False)
    return {
        "size": [ds.RasterXSize, ds.RasterYSize],
        "epsg": epsg_of(ds.GetSpatialRef()),
        "geoTransform": list(ds.GetGeoTransform()),
        "dataType": gdal.GetDataTypeName(band.DataType),
        "noData": band.GetNoDataValue(),
        "compression": ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"),
        "min": stats[0],
        "max": stats[1],
        "mean": stats[2],
    }


DLTB_KEYS = ["BSM", "TBBH", "DLBM", "DLMC", "QSXZ", "QSDWDM", "QSDWMC", "ZLDWDM", "ZLDWMC", "TBMJ", "KCDLBM", "KCXS", "KCMJ", "TBDLMJ",
             "GDLX", "GDPDJB", "XZDWKD", "ZZSXDM", "ZZSXMC", "CZCSXM", "SJNF"]


def sample_report(sample):
    report = {
        "DLTB": vector_layer(os.path.join(sample, "dltb", "DLTB.shp"), "TBMJ", DLTB_KEYS),
        "CJDCQ": vector_layer(os.path.join(sample, "dltb", "CJDCQ.shp"), "JSMJ", ["ZLDWDM", "ZLDWMC", "DCMJ", "JSMJ"]),
        "XZQ": vector_layer(os.path.join(sample, "dltb", "XZQ.shp"), "JSMJ", ["XZQDM", "XZQMC", "DCMJ", "JSMJ"]),
        "rasters": {},
        "redlines": {},
    }
    for name in sorted(os.listdir(os.path.join(sample, "rasters"))):
        if name.endswith(".tif"):
            report["rasters"][name[:-4]] = raster(os.path.join(sample, "rasters", name))
    for name in sorted(os.listdir(os.path.join(sample, "redlines"))):
        if name.endswith(".geojson"):
            path = os.path.join(sample, "redlines", name)
            ds = ogr.Open(path)
            layer = ds.GetLayer(0)
            f = layer.GetNextFeature()
            g = f.GetGeometryRef()
            entry = {"count": layer.GetFeatureCount(), "epsg": epsg_of(layer.GetSpatialRef()), "DKMC": f.GetField("DKMC"), "rings": g.GetGeometryCount()}
            if entry["epsg"] == 4528:
                entry["geodArea"] = geod_area(g)
            report["redlines"][name] = entry
    return report


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    result = sample_report(path) if mode == "sample" else vector_layer(path, "TBMJ", ["ZLDWDM", "TBMJ"])
    json.dump(result, sys.stdout, ensure_ascii=False)
